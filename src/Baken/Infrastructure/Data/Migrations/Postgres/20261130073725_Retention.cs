using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsentOverrides_ClientId",
                table: "ConsentOverrides");

            migrationBuilder.AddColumn<Guid>(
                name: "RecipientOrganisationId",
                table: "ConsentOverrides",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "KeepReason",
                table: "Clients",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "KeepUntilUtc",
                table: "Clients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAtUtc",
                table: "Clients",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing files start their retention period from when they were created.
            migrationBuilder.Sql("UPDATE \"Clients\" SET \"LastActivityAtUtc\" = \"CreatedAtUtc\";");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentOverrides_ClientId_Purpose",
                table: "ConsentOverrides",
                columns: new[] { "ClientId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentOverrides_RecipientOrganisationId",
                table: "ConsentOverrides",
                column: "RecipientOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_LastActivityAtUtc",
                table: "Clients",
                column: "LastActivityAtUtc");

            migrationBuilder.AddForeignKey(
                name: "FK_ConsentOverrides_Organisations_RecipientOrganisationId",
                table: "ConsentOverrides",
                column: "RecipientOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConsentOverrides_Organisations_RecipientOrganisationId",
                table: "ConsentOverrides");

            migrationBuilder.DropIndex(
                name: "IX_ConsentOverrides_ClientId_Purpose",
                table: "ConsentOverrides");

            migrationBuilder.DropIndex(
                name: "IX_ConsentOverrides_RecipientOrganisationId",
                table: "ConsentOverrides");

            migrationBuilder.DropIndex(
                name: "IX_Clients_LastActivityAtUtc",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "RecipientOrganisationId",
                table: "ConsentOverrides");

            migrationBuilder.DropColumn(
                name: "KeepReason",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "KeepUntilUtc",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "LastActivityAtUtc",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentOverrides_ClientId",
                table: "ConsentOverrides",
                column: "ClientId");
        }
    }
}
