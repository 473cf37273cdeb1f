using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Indicators = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdReviews_AspNetUsers_ReviewedByUserId",
                        column: x => x.ReviewedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdReviews_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdReviews_OutreachLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "OutreachLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdReviews_AdHash",
                table: "AdReviews",
                column: "AdHash");

            migrationBuilder.CreateIndex(
                name: "IX_AdReviews_LocationId",
                table: "AdReviews",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_AdReviews_OrganisationId_ReviewedOn",
                table: "AdReviews",
                columns: new[] { "OrganisationId", "ReviewedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdReviews_ReviewedByUserId",
                table: "AdReviews",
                column: "ReviewedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdReviews");
        }
    }
}
