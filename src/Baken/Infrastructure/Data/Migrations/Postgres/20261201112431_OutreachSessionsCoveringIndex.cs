using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutreachSessionsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutreachSessions_StartedAtUtc",
                table: "OutreachSessions");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachSessions_StartedAtUtc_Mode_Topics_ReferralsMade",
                table: "OutreachSessions",
                columns: new[] { "StartedAtUtc", "Mode", "Topics", "ReferralsMade" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutreachSessions_StartedAtUtc_Mode_Topics_ReferralsMade",
                table: "OutreachSessions");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachSessions_StartedAtUtc",
                table: "OutreachSessions",
                column: "StartedAtUtc");
        }
    }
}
