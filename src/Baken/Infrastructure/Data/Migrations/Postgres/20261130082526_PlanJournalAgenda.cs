using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Baken.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanJournalAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<byte[]>(type: "bytea", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_AspNetUsers_WithUserId",
                        column: x => x.WithUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    WithClient = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Scores = table.Column<byte[]>(type: "bytea", nullable: false),
                    ClientScores = table.Column<byte[]>(type: "bytea", nullable: true),
                    Note = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EditedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntries_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LifeDomains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifeDomains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScaleLevels",
                columns: table => new
                {
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScaleLevels", x => x.Score);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntryVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntryVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntryVersions_JournalEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DomainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    OwnerRole = table.Column<int>(type: "integer", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_LifeDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "LifeDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalActions_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "LifeDomains",
                columns: new[] { "Id", "Description", "Name", "RetiredAtUtc", "SortOrder" },
                values: new object[,]
                {
                    { new Guid("0d000000-0000-7000-8000-000000000001"), "Een veilige, betaalbare en passende woonplek.", "Huisvesting", null, 1 },
                    { new Guid("0d000000-0000-7000-8000-000000000002"), "Inkomen, schulden en omgaan met geld.", "Financiën", null, 2 },
                    { new Guid("0d000000-0000-7000-8000-000000000003"), "Werk, opleiding, vrijwilligerswerk of een andere zinvolle daginvulling.", "Dagbesteding", null, 3 },
                    { new Guid("0d000000-0000-7000-8000-000000000004"), "Contacten, steun uit de omgeving, meedoen.", "Sociaal functioneren", null, 4 },
                    { new Guid("0d000000-0000-7000-8000-000000000005"), "Hoe het mentaal gaat; omgaan met spanning en ervaringen.", "Psychisch functioneren", null, 5 },
                    { new Guid("0d000000-0000-7000-8000-000000000006"), "Gezondheid en toegang tot zorg.", "Lichamelijk functioneren", null, 6 },
                    { new Guid("0d000000-0000-7000-8000-000000000007"), "Zaken regelen: post, instanties, documenten, vervoer.", "Praktisch functioneren", null, 7 },
                    { new Guid("0d000000-0000-7000-8000-000000000008"), "Seksuele gezondheid, grenzen en wensen.", "Seksualiteit", null, 8 },
                    { new Guid("0d000000-0000-7000-8000-000000000009"), "Wat het leven betekenis en richting geeft.", "Zingeving", null, 9 }
                });

            migrationBuilder.InsertData(
                table: "ScaleLevels",
                columns: new[] { "Score", "Description", "Label" },
                values: new object[,]
                {
                    { 1, "Er is direct hulp nodig; de situatie is onveilig of onhoudbaar.", "Acute problemen" },
                    { 2, "Het lukt niet zonder veel hulp; de problemen zijn groot.", "Niet zelfredzaam" },
                    { 3, "Met steun gaat het; zonder hulp is de situatie kwetsbaar.", "Beperkt zelfredzaam" },
                    { 4, "Het gaat grotendeels zelfstandig; af en toe steun helpt.", "Voldoende zelfredzaam" },
                    { 5, "Het gaat zelfstandig en stabiel.", "Volledig zelfredzaam" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClientId",
                table: "Appointments",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TrajectoryId_StartsAtUtc",
                table: "Appointments",
                columns: new[] { "TrajectoryId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_WithUserId",
                table: "Appointments",
                column: "WithUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ByUserId",
                table: "Assessments",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ClientId",
                table: "Assessments",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_TrajectoryId_AssessedOn",
                table: "Assessments",
                columns: new[] { "TrajectoryId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_ClientId",
                table: "FollowUpTasks",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUserId",
                table: "FollowUpTasks",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_TrajectoryId_DoneAtUtc_DueDate",
                table: "FollowUpTasks",
                columns: new[] { "TrajectoryId", "DoneAtUtc", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_GoalActions_ClientId",
                table: "GoalActions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalActions_GoalId",
                table: "GoalActions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_ClientId",
                table: "Goals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_CreatedByUserId",
                table: "Goals",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_DomainId",
                table: "Goals",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_TrajectoryId_DomainId",
                table: "Goals",
                columns: new[] { "TrajectoryId", "DomainId" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_AuthorUserId",
                table: "JournalEntries",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ClientId",
                table: "JournalEntries",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_TrajectoryId_OccurredAtUtc",
                table: "JournalEntries",
                columns: new[] { "TrajectoryId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntryVersions_ClientId",
                table: "JournalEntryVersions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntryVersions_EntryId_Version",
                table: "JournalEntryVersions",
                columns: new[] { "EntryId", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "GoalActions");

            migrationBuilder.DropTable(
                name: "JournalEntryVersions");

            migrationBuilder.DropTable(
                name: "ScaleLevels");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropTable(
                name: "LifeDomains");
        }
    }
}
