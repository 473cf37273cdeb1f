using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectoryScheduleFollowsPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DirectorySchedules_DirectoryServiceAtLocations_ServiceAtLocationId",
                table: "DirectorySchedules");

            migrationBuilder.AddForeignKey(
                name: "FK_DirectorySchedules_DirectoryServiceAtLocations_ServiceAtLocationId",
                table: "DirectorySchedules",
                column: "ServiceAtLocationId",
                principalTable: "DirectoryServiceAtLocations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DirectorySchedules_DirectoryServiceAtLocations_ServiceAtLocationId",
                table: "DirectorySchedules");

            migrationBuilder.AddForeignKey(
                name: "FK_DirectorySchedules_DirectoryServiceAtLocations_ServiceAtLocationId",
                table: "DirectorySchedules",
                column: "ServiceAtLocationId",
                principalTable: "DirectoryServiceAtLocations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
