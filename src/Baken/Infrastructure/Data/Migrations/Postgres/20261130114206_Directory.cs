using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryOrganizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlternateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    LastModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryOrganizations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsConfidential = table.Column<bool>(type: "boolean", nullable: false),
                    Address1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryLocations_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlternateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    InterpretationServices = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ApplicationProcess = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FeesDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EligibilityDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true),
                    LastModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryServices_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryContacts_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryContacts_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryLanguages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryLanguages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryLanguages_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryPhones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryPhones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryPhones_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryPhones_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServiceAtLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServiceAtLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryServiceAtLocations_DirectoryLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "DirectoryLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectoryServiceAtLocations_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TermId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceTerms_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceTerms_TaxonomyTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "TaxonomyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectorySchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceAtLocationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByDay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    WalkIn = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorySchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectorySchedules_DirectoryServiceAtLocations_ServiceAtLoc~",
                        column: x => x.ServiceAtLocationId,
                        principalTable: "DirectoryServiceAtLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DirectorySchedules_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "TaxonomyTerms",
                columns: new[] { "Id", "Code", "Description", "Kind", "Name" },
                values: new object[,]
                {
                    { new Guid("7e000000-0000-7000-8000-000000000001"), "topic-health", "Lichamelijke en seksuele gezondheid, soa-testen, medische zorg.", 1, "Gezondheid" },
                    { new Guid("7e000000-0000-7000-8000-000000000002"), "topic-safety", "Veilig werken, geweld voorkomen, hulp bij bedreiging.", 1, "Veiligheid" },
                    { new Guid("7e000000-0000-7000-8000-000000000003"), "topic-rules", "Wat mag wel en niet, vergunningen, registratie.", 1, "Regels en vergunningen" },
                    { new Guid("7e000000-0000-7000-8000-000000000004"), "topic-exit", "Stoppen met sekswerk en een nieuw begin maken.", 1, "Uitstappen" },
                    { new Guid("7e000000-0000-7000-8000-000000000005"), "topic-housing", "Een dak boven je hoofd, opvang, woonbegeleiding.", 1, "Wonen en opvang" },
                    { new Guid("7e000000-0000-7000-8000-000000000006"), "topic-money", "Inkomen, uitkering, schulden, belasting.", 1, "Geld en schulden" },
                    { new Guid("7e000000-0000-7000-8000-000000000007"), "topic-violence", "Hulp bij geweld, dwang, mensenhandel en grooming.", 1, "Geweld en uitbuiting" },
                    { new Guid("7e000000-0000-7000-8000-000000000008"), "topic-residence", "Verblijfsvergunning, ongedocumenteerd zijn, rechten.", 1, "Verblijfsstatus" },
                    { new Guid("7e000000-0000-7000-8000-000000000009"), "topic-return", "Terug naar het land van herkomst, met hulp.", 1, "Terugkeer" },
                    { new Guid("7e000000-0000-7000-8000-000000000010"), "topic-work", "Ander werk vinden, opleiding, jobcoaching.", 1, "Werk en opleiding" },
                    { new Guid("7e000000-0000-7000-8000-000000000011"), "topic-legal", "Advies over recht, aangifte doen, slachtofferhulp.", 1, "Juridische hulp" },
                    { new Guid("7e000000-0000-7000-8000-000000000021"), "group-sexworkers", "Mensen die nu sekswerk doen.", 2, "Sekswerkers" },
                    { new Guid("7e000000-0000-7000-8000-000000000022"), "group-former", "Mensen die gestopt zijn of willen stoppen.", 2, "Ex-sekswerkers" },
                    { new Guid("7e000000-0000-7000-8000-000000000023"), "group-men", "Jongens en mannen die seks verkopen.", 2, "Jongens en mannen" },
                    { new Guid("7e000000-0000-7000-8000-000000000024"), "group-trans", "Transgender en non-binaire sekswerkers.", 2, "Transgender personen" },
                    { new Guid("7e000000-0000-7000-8000-000000000025"), "group-young", "Jongeren tot 23 jaar, ook wie zich zorgen maakt.", 2, "Jongeren" },
                    { new Guid("7e000000-0000-7000-8000-000000000026"), "group-undocumented", "Mensen zonder verblijfsvergunning.", 2, "Ongedocumenteerden" },
                    { new Guid("7e000000-0000-7000-8000-000000000027"), "group-eu-migrants", "Mensen uit andere EU-landen, ook zonder vaste woonplek.", 2, "EU-migranten" },
                    { new Guid("7e000000-0000-7000-8000-000000000028"), "group-victims", "Mensen die gedwongen worden of werden.", 2, "Slachtoffers van uitbuiting" },
                    { new Guid("7e000000-0000-7000-8000-000000000029"), "group-concerned", "Familie, vrienden en anderen die zich zorgen maken.", 2, "Betrokkenen" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryContacts_OrganizationId",
                table: "DirectoryContacts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryContacts_ServiceId",
                table: "DirectoryContacts",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLanguages_Code",
                table: "DirectoryLanguages",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLanguages_ServiceId_Code",
                table: "DirectoryLanguages",
                columns: new[] { "ServiceId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLocations_OrganizationId",
                table: "DirectoryLocations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizations_Name",
                table: "DirectoryOrganizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganizations_OrganisationId",
                table: "DirectoryOrganizations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPhones_OrganizationId",
                table: "DirectoryPhones",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPhones_ServiceId",
                table: "DirectoryPhones",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorySchedules_ServiceAtLocationId",
                table: "DirectorySchedules",
                column: "ServiceAtLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorySchedules_ServiceId",
                table: "DirectorySchedules",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceAtLocations_LocationId",
                table: "DirectoryServiceAtLocations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceAtLocations_ServiceId_LocationId",
                table: "DirectoryServiceAtLocations",
                columns: new[] { "ServiceId", "LocationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServices_Name",
                table: "DirectoryServices",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServices_OrganizationId_Name",
                table: "DirectoryServices",
                columns: new[] { "OrganizationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceTerms_ServiceId_TermId",
                table: "ServiceTerms",
                columns: new[] { "ServiceId", "TermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceTerms_TermId",
                table: "ServiceTerms",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyTerms_Code",
                table: "TaxonomyTerms",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryContacts");

            migrationBuilder.DropTable(
                name: "DirectoryLanguages");

            migrationBuilder.DropTable(
                name: "DirectoryPhones");

            migrationBuilder.DropTable(
                name: "DirectorySchedules");

            migrationBuilder.DropTable(
                name: "ServiceTerms");

            migrationBuilder.DropTable(
                name: "DirectoryServiceAtLocations");

            migrationBuilder.DropTable(
                name: "TaxonomyTerms");

            migrationBuilder.DropTable(
                name: "DirectoryLocations");

            migrationBuilder.DropTable(
                name: "DirectoryServices");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizations");
        }
    }
}
