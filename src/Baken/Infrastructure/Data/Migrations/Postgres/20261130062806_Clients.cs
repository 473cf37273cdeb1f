using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Clients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Alias = table.Column<byte[]>(type: "bytea", nullable: true),
                    ContactChannel = table.Column<byte[]>(type: "bytea", nullable: true),
                    ContactValue = table.Column<byte[]>(type: "bytea", nullable: true),
                    LegalName = table.Column<byte[]>(type: "bytea", nullable: true),
                    DateOfBirth = table.Column<byte[]>(type: "bytea", nullable: true),
                    Bsn = table.Column<byte[]>(type: "bytea", nullable: true),
                    Nationality = table.Column<byte[]>(type: "bytea", nullable: true),
                    Address = table.Column<byte[]>(type: "bytea", nullable: true),
                    Phone = table.Column<byte[]>(type: "bytea", nullable: true),
                    Email = table.Column<byte[]>(type: "bytea", nullable: true),
                    Languages = table.Column<byte[]>(type: "bytea", nullable: true),
                    GenderIdentity = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clients_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClientTeamMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientTeamMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClientTeamMembers_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Code",
                table: "Clients",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_OrganisationId_CreatedAtUtc",
                table: "Clients",
                columns: new[] { "OrganisationId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientTeamMembers_ClientId",
                table: "ClientTeamMembers",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientTeamMembers_UserId_ClientId",
                table: "ClientTeamMembers",
                columns: new[] { "UserId", "ClientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientTeamMembers");

            migrationBuilder.DropTable(
                name: "Clients");
        }
    }
}
