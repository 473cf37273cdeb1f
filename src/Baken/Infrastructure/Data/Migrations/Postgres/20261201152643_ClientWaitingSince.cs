using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientWaitingSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSinceUtc",
                table: "Clients",
                type: "timestamp with time zone",
                nullable: true);

            // Clients nobody is on the team of wait since their last member left, or since they were registered.
            migrationBuilder.Sql("""
                UPDATE "Clients" SET "WaitingSinceUtc" = COALESCE(
                    (SELECT MAX(m."ToUtc") FROM "ClientTeamMembers" AS m WHERE m."ClientId" = "Clients"."Id"), "CreatedAtUtc")
                WHERE NOT EXISTS (SELECT 1 FROM "ClientTeamMembers" AS m WHERE m."ClientId" = "Clients"."Id" AND m."ToUtc" IS NULL);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_OpenByOrganisation",
                table: "Trajectories",
                columns: new[] { "OrganisationId", "StateChangedAtUtc", "Id" },
                filter: "\"State\" IN (1, 2, 3, 4)");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_OrganisationId_WaitingSinceUtc",
                table: "Clients",
                columns: new[] { "OrganisationId", "WaitingSinceUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trajectories_OpenByOrganisation",
                table: "Trajectories");

            migrationBuilder.DropIndex(
                name: "IX_Clients_OrganisationId_WaitingSinceUtc",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "WaitingSinceUtc",
                table: "Clients");
        }
    }
}
