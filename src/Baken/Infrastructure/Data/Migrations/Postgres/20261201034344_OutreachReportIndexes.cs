using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutreachReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutreachSessions_StartedAtUtc",
                table: "OutreachSessions",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachContacts_AtUtc_GenderIdentity_AgeBand_IsNew",
                table: "OutreachContacts",
                columns: new[] { "AtUtc", "GenderIdentity", "AgeBand", "IsNew" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutreachSessions_StartedAtUtc",
                table: "OutreachSessions");

            migrationBuilder.DropIndex(
                name: "IX_OutreachContacts_AtUtc_GenderIdentity_AgeBand_IsNew",
                table: "OutreachContacts");
        }
    }
}
