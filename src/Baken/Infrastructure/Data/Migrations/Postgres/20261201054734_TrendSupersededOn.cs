using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrendSupersededOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DomainTrendFacts_Type_On",
                table: "DomainTrendFacts");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupersededOn",
                table: "DomainTrendFacts",
                type: "date",
                nullable: true);

            // Existing facts: each is superseded on the day of the same person's next trend for the domain and type.
            migrationBuilder.Sql("""
                UPDATE "DomainTrendFacts" SET "SupersededOn" = (
                    SELECT MIN(g."On") FROM "DomainTrendFacts" AS g
                    WHERE g."SubjectKey" = "DomainTrendFacts"."SubjectKey" AND g."DomainId" = "DomainTrendFacts"."DomainId"
                      AND g."Type" = "DomainTrendFacts"."Type"
                      AND (g."On" > "DomainTrendFacts"."On" OR (g."On" = "DomainTrendFacts"."On" AND g."Id" > "DomainTrendFacts"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DomainTrendFacts_Type_On_SupersededOn_DomainId_Trend_Organi~",
                table: "DomainTrendFacts",
                columns: new[] { "Type", "On", "SupersededOn", "DomainId", "Trend", "OrganisationId", "SubjectKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DomainTrendFacts_Type_On_SupersededOn_DomainId_Trend_Organi~",
                table: "DomainTrendFacts");

            migrationBuilder.DropColumn(
                name: "SupersededOn",
                table: "DomainTrendFacts");

            migrationBuilder.CreateIndex(
                name: "IX_DomainTrendFacts_Type_On",
                table: "DomainTrendFacts",
                columns: new[] { "Type", "On" });
        }
    }
}
