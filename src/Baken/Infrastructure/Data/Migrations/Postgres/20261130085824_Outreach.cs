using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Outreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutreachLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutreachSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Topics = table.Column<int>(type: "integer", nullable: false),
                    MaterialsHandedOut = table.Column<int>(type: "integer", nullable: false),
                    ReferralsMade = table.Column<int>(type: "integer", nullable: false),
                    FollowUpAgreements = table.Column<int>(type: "integer", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachSessions_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachSessions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachSessions_OutreachLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "OutreachLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsNew = table.Column<bool>(type: "boolean", nullable: false),
                    GenderIdentity = table.Column<int>(type: "integer", nullable: true),
                    AgeBand = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachContacts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutreachContacts_OutreachSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "OutreachSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutreachWorkers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachWorkers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachWorkers_OutreachSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "OutreachSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "OutreachLocations",
                columns: new[] { "Id", "Kind", "Name", "RetiredAtUtc" },
                values: new object[,]
                {
                    { new Guid("0e000000-0000-7000-8000-000000000001"), 3, "Voorbeeld: raamgebied", null },
                    { new Guid("0e000000-0000-7000-8000-000000000002"), 2, "Voorbeeld: club", null },
                    { new Guid("0e000000-0000-7000-8000-000000000003"), 1, "Voorbeeld: ontmoetingsplek voor mannen", null },
                    { new Guid("0e000000-0000-7000-8000-000000000004"), 4, "Voorbeeld: thuiswerkplekken", null },
                    { new Guid("0e000000-0000-7000-8000-000000000005"), 5, "Voorbeeld: evenement", null },
                    { new Guid("0e000000-0000-7000-8000-000000000011"), 14, "Voorbeeld: advertentiesite", null },
                    { new Guid("0e000000-0000-7000-8000-000000000012"), 13, "Voorbeeld: datingapp", null },
                    { new Guid("0e000000-0000-7000-8000-000000000013"), 11, "Voorbeeld: forum", null },
                    { new Guid("0e000000-0000-7000-8000-000000000014"), 12, "Voorbeeld: chat", null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachContacts_ClientId",
                table: "OutreachContacts",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachContacts_SessionId",
                table: "OutreachContacts",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachSessions_CreatedByUserId",
                table: "OutreachSessions",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachSessions_LocationId",
                table: "OutreachSessions",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachSessions_OrganisationId_StartedAtUtc",
                table: "OutreachSessions",
                columns: new[] { "OrganisationId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachWorkers_SessionId",
                table: "OutreachWorkers",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachWorkers_UserId_SessionId",
                table: "OutreachWorkers",
                columns: new[] { "UserId", "SessionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutreachContacts");

            migrationBuilder.DropTable(
                name: "OutreachWorkers");

            migrationBuilder.DropTable(
                name: "OutreachSessions");

            migrationBuilder.DropTable(
                name: "OutreachLocations");
        }
    }
}
