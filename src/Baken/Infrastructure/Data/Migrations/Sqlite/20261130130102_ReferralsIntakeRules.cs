using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralsIntakeRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartnerType",
                table: "DirectoryOrganizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DirectoryTranslations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryTranslations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntakeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferrerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferrerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactChannel = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Alias = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ContactDetails = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Message = table.Column<byte[]>(type: "BLOB", nullable: true),
                    DecisionNote = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntakeRequests_AnonymousReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnonymousReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntakeRequests_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeRequests_AspNetUsers_ReferrerUserId",
                        column: x => x.ReferrerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeRequests_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntakeRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeRequests_Organisations_ReferrerOrganisationId",
                        column: x => x.ReferrerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerTokens_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientType = table.Column<int>(type: "INTEGER", nullable: false),
                    Shared = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Letter = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Referrals_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RulePages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    LegalStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulePages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RulePages_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Feedback = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralStatusChanges_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferralStatusChanges_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryTranslations_EntityId_Field_Language",
                table: "DirectoryTranslations",
                columns: new[] { "EntityId", "Field", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryTranslations_Language",
                table: "DirectoryTranslations",
                column: "Language");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_ClientId",
                table: "IntakeRequests",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_DecidedByUserId",
                table: "IntakeRequests",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_OrganisationId_Status_ReceivedAtUtc",
                table: "IntakeRequests",
                columns: new[] { "OrganisationId", "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_ReferrerOrganisationId_ExternalReference",
                table: "IntakeRequests",
                columns: new[] { "ReferrerOrganisationId", "ExternalReference" },
                unique: true,
                filter: "\"ExternalReference\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_ReferrerUserId_ReceivedAtUtc",
                table: "IntakeRequests",
                columns: new[] { "ReferrerUserId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_ReportId",
                table: "IntakeRequests",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_SubmissionKey",
                table: "IntakeRequests",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTokens_OrganisationId",
                table: "PartnerTokens",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTokens_TokenHash",
                table: "PartnerTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTokens_UserId",
                table: "PartnerTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ByUserId",
                table: "Referrals",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ClientId",
                table: "Referrals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_OrganisationId_SentAtUtc",
                table: "Referrals",
                columns: new[] { "OrganisationId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_RecipientOrganisationId",
                table: "Referrals",
                column: "RecipientOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ServiceId",
                table: "Referrals",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TrajectoryId_SentAtUtc",
                table: "Referrals",
                columns: new[] { "TrajectoryId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralStatusChanges_ByUserId",
                table: "ReferralStatusChanges",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralStatusChanges_ClientId",
                table: "ReferralStatusChanges",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralStatusChanges_ReferralId_AtUtc",
                table: "ReferralStatusChanges",
                columns: new[] { "ReferralId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RulePages_ByUserId",
                table: "RulePages",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RulePages_Slug_Language_Version",
                table: "RulePages",
                columns: new[] { "Slug", "Language", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryTranslations");

            migrationBuilder.DropTable(
                name: "IntakeRequests");

            migrationBuilder.DropTable(
                name: "PartnerTokens");

            migrationBuilder.DropTable(
                name: "ReferralStatusChanges");

            migrationBuilder.DropTable(
                name: "RulePages");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropColumn(
                name: "PartnerType",
                table: "DirectoryOrganizations");
        }
    }
}
