using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcessingLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessingActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DataCategories = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SubjectCategories = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingLogCheckpoints",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingLogCheckpoints", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingLogHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Writes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingLogHead", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingLogEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SpanId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessingActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingLogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessingLogEntries_ProcessingActivities_ProcessingActivityId",
                        column: x => x.ProcessingActivityId,
                        principalTable: "ProcessingActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingLogActors",
                columns: table => new
                {
                    ProcessingLogEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingLogActors", x => x.ProcessingLogEntryId);
                    table.ForeignKey(
                        name: "FK_ProcessingLogActors_ProcessingLogEntries_ProcessingLogEntryId",
                        column: x => x.ProcessingLogEntryId,
                        principalTable: "ProcessingLogEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ProcessingActivities",
                columns: new[] { "Id", "Code", "DataCategories", "LegalBasis", "Name", "Purpose", "Recipients", "Retention", "SubjectCategories", "ValidFromUtc", "Version" },
                values: new object[,]
                {
                    { new Guid("7a1c0000-0000-7000-8000-000000000001"), "case-management", "Identificerende gegevens naar keuze van de cliënt; gezondheid, seksleven, migratiestatus, slachtofferschap", "Toestemming (AVG art. 6 lid 1a, art. 9 lid 2a); taak van algemeen belang (art. 6 lid 1e)", "Cliëntbegeleiding en uitstaptrajecten", "Ondersteuning van sekswerkers en begeleiding bij uitstappen, op verzoek van de cliënt.", "Leden van het zorgteam van de cliënt", "Voorbeeld: 2 jaar na afsluiten van het laatste traject", "Cliënten (sekswerkers en ex-sekswerkers)", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), 1 },
                    { new Guid("7a1c0000-0000-7000-8000-000000000002"), "referral", "Gegevens die voor de verwijzing nodig zijn", "Toestemming van de cliënt (AVG art. 6 lid 1a, art. 9 lid 2a); vitaal belang (art. 6 lid 1d)", "Verwijzing binnen het regionale netwerk", "Een cliënt doorverwijzen naar of aannemen van een partnerorganisatie.", "De genoemde partnerorganisatie", "Voorbeeld: gelijk aan het dossier", "Cliënten", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), 1 },
                    { new Guid("7a1c0000-0000-7000-8000-000000000003"), "statistics", "Tellingen, geen persoonsgegevens", "Taak van algemeen belang (AVG art. 6 lid 1e); statistiek (art. 89)", "Geanonimiseerde cijfers voor de gemeente", "Verantwoording aan de gemeenteraad met tellingen zonder herleidbare personen.", "Gemeente (beleidsmedewerkers)", "Voorbeeld: 10 jaar", "Cliënten (alleen geteld)", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), 1 }
                });

            migrationBuilder.InsertData(
                table: "ProcessingLogHead",
                columns: new[] { "Id", "LastHash", "LastSequence", "Signature", "Writes" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L, "", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingActivities_Code_Version",
                table: "ProcessingActivities",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingLogEntries_ProcessingActivityId",
                table: "ProcessingLogEntries",
                column: "ProcessingActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingLogEntries_Sequence",
                table: "ProcessingLogEntries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingLogEntries_SubjectId_Sequence",
                table: "ProcessingLogEntries",
                columns: new[] { "SubjectId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessingLogActors");

            migrationBuilder.DropTable(
                name: "ProcessingLogCheckpoints");

            migrationBuilder.DropTable(
                name: "ProcessingLogHead");

            migrationBuilder.DropTable(
                name: "ProcessingLogEntries");

            migrationBuilder.DropTable(
                name: "ProcessingActivities");
        }
    }
}
