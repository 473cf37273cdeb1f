using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignalsAndAnonymousChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignalIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalIndicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondByUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TriagedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Signals_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Signals_AspNetUsers_RaisedByUserId",
                        column: x => x.RaisedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Signals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Signals_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnonymousReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Locator = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    CodeHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    HashIterations = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastMessageAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnonymousReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnonymousReports_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AnonymousReports_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnonymousReports_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SignalEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignalEvents_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignalEvents_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignalEvents_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignalHandovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedText = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalHandovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignalHandovers_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignalHandovers_AspNetUsers_RequestedByUserId",
                        column: x => x.RequestedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignalHandovers_Organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignalHandovers_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignalIndicatorMarks",
                columns: table => new
                {
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalIndicatorMarks", x => new { x.SignalId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_SignalIndicatorMarks_SignalIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "SignalIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignalIndicatorMarks_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportMessages_AnonymousReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnonymousReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportMessages_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ProcessingActivities",
                columns: new[] { "Id", "Code", "DataCategories", "LegalBasis", "Name", "Purpose", "Recipients", "Retention", "SubjectCategories", "ValidFromUtc", "Version" },
                values: new object[,]
                {
                    { new Guid("7a1c0000-0000-7000-8000-000000000004"), "signals", "Omschrijving van de situatie, indicatoren, eventueel koppeling aan een cliënt", "Taak van algemeen belang (AVG art. 6 lid 1e); vitaal belang (art. 6 lid 1d); zwaarwegend algemeen belang (art. 9 lid 2g)", "Signalen van uitbuiting, mensenhandel en grooming", "Signalen vastleggen, beoordelen en zo nodig met een tweede collega overdragen aan politie of een partner.", "Zorgcoördinator mensenhandel; bij overdracht de genoemde partner", "Voorbeeld: 2 jaar na afsluiten van het signaal", "Mogelijke slachtoffers, ook wie geen cliënt is", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), 1 },
                    { new Guid("7a1c0000-0000-7000-8000-000000000005"), "anonymous-contact", "Wat de melder zelf schrijft; geen IP-adres, browsergegevens of code", "Toestemming (AVG art. 6 lid 1a, art. 9 lid 2a)", "Anonieme vragen en meldingen", "Iemand zonder account een vraag laten stellen of een zorg laten melden, en antwoorden via een ontvangstcode.", "Het team dat het anonieme kanaal beantwoordt", "90 dagen na afsluiten (instelbaar)", "Melders en wie zij noemen", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), 1 }
                });

            migrationBuilder.InsertData(
                table: "SignalIndicators",
                columns: new[] { "Id", "Name", "RetiredAtUtc" },
                values: new object[,]
                {
                    { new Guid("51000000-0000-7000-8000-000000000001"), "Heeft geen eigen identiteitsbewijs of bankpas", null },
                    { new Guid("51000000-0000-7000-8000-000000000002"), "Heeft een schuld bij een werkgever, bemiddelaar of partner", null },
                    { new Guid("51000000-0000-7000-8000-000000000003"), "Iemand anders praat of beslist voor de persoon", null },
                    { new Guid("51000000-0000-7000-8000-000000000004"), "Werkt zeer lange dagen of zonder vrije dagen", null },
                    { new Guid("51000000-0000-7000-8000-000000000005"), "Moet (een groot deel van) de verdiensten afstaan", null },
                    { new Guid("51000000-0000-7000-8000-000000000006"), "Zichtbaar letsel of andere tekenen van geweld", null },
                    { new Guid("51000000-0000-7000-8000-000000000007"), "Woont op de werkplek of in huisvesting van een derde", null },
                    { new Guid("51000000-0000-7000-8000-000000000008"), "Lijkt minderjarig", null },
                    { new Guid("51000000-0000-7000-8000-000000000009"), "Oudere 'vriend' die cadeaus geeft en daarna iets terugvraagt", null },
                    { new Guid("51000000-0000-7000-8000-000000000010"), "Wordt vaak verplaatst tussen steden of adressen", null },
                    { new Guid("51000000-0000-7000-8000-000000000011"), "Angstig, of vertelt een ingestudeerd verhaal", null },
                    { new Guid("51000000-0000-7000-8000-000000000012"), "Kent het eigen werk- of woonadres niet", null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousReports_ClientId",
                table: "AnonymousReports",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousReports_ClosedAtUtc",
                table: "AnonymousReports",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousReports_Locator",
                table: "AnonymousReports",
                column: "Locator",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousReports_OrganisationId_Status_LastMessageAtUtc",
                table: "AnonymousReports",
                columns: new[] { "OrganisationId", "Status", "LastMessageAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousReports_SignalId",
                table: "AnonymousReports",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousReports_SubmissionKey",
                table: "AnonymousReports",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessages_ByUserId",
                table: "ReportMessages",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessages_ReportId_AtUtc",
                table: "ReportMessages",
                columns: new[] { "ReportId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessages_SubmissionKey",
                table: "ReportMessages",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignalEvents_AssignedToUserId",
                table: "SignalEvents",
                column: "AssignedToUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalEvents_ByUserId",
                table: "SignalEvents",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalEvents_SignalId_AtUtc",
                table: "SignalEvents",
                columns: new[] { "SignalId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignalHandovers_DecidedByUserId",
                table: "SignalHandovers",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalHandovers_RecipientOrganisationId",
                table: "SignalHandovers",
                column: "RecipientOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalHandovers_RequestedByUserId",
                table: "SignalHandovers",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalHandovers_SignalId",
                table: "SignalHandovers",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalIndicatorMarks_IndicatorId",
                table: "SignalIndicatorMarks",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_SignalIndicators_Name",
                table: "SignalIndicators",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signals_AssignedToUserId",
                table: "Signals",
                column: "AssignedToUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ClientId",
                table: "Signals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ClosedAtUtc",
                table: "Signals",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_OrganisationId_Status_RespondByUtc",
                table: "Signals",
                columns: new[] { "OrganisationId", "Status", "RespondByUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_RaisedByUserId",
                table: "Signals",
                column: "RaisedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportMessages");

            migrationBuilder.DropTable(
                name: "SignalEvents");

            migrationBuilder.DropTable(
                name: "SignalHandovers");

            migrationBuilder.DropTable(
                name: "SignalIndicatorMarks");

            migrationBuilder.DropTable(
                name: "AnonymousReports");

            migrationBuilder.DropTable(
                name: "SignalIndicators");

            migrationBuilder.DropTable(
                name: "Signals");

            migrationBuilder.DeleteData(
                table: "ProcessingActivities",
                keyColumn: "Id",
                keyValue: new Guid("7a1c0000-0000-7000-8000-000000000004"));

            migrationBuilder.DeleteData(
                table: "ProcessingActivities",
                keyColumn: "Id",
                keyValue: new Guid("7a1c0000-0000-7000-8000-000000000005"));
        }
    }
}
