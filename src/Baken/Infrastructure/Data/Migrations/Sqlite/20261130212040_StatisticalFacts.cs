using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticalFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientStatisticsKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientStatisticsKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientStatisticsKeys_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DomainTrendFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Trend = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainTrendFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<int>(type: "INTEGER", nullable: true),
                    Hours = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrajectoryFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reopened = table.Column<bool>(type: "INTEGER", nullable: false),
                    Route = table.Column<int>(type: "INTEGER", nullable: true),
                    Gender = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Victim = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndState = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrajectoryFacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientStatisticsKeys_ClientId",
                table: "ClientStatisticsKeys",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DomainTrendFacts_EpisodeId_On",
                table: "DomainTrendFacts",
                columns: new[] { "EpisodeId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainTrendFacts_SubjectKey_DomainId_On",
                table: "DomainTrendFacts",
                columns: new[] { "SubjectKey", "DomainId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainTrendFacts_Type_On",
                table: "DomainTrendFacts",
                columns: new[] { "Type", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_EventFacts_Kind_On",
                table: "EventFacts",
                columns: new[] { "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_EventFacts_SourceId",
                table: "EventFacts",
                column: "SourceId",
                filter: "\"SourceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryFacts_SubjectKey_Type_EndedOn",
                table: "TrajectoryFacts",
                columns: new[] { "SubjectKey", "Type", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryFacts_Type_EndedOn",
                table: "TrajectoryFacts",
                columns: new[] { "Type", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryFacts_Type_StartedOn_EndedOn",
                table: "TrajectoryFacts",
                columns: new[] { "Type", "StartedOn", "EndedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientStatisticsKeys");

            migrationBuilder.DropTable(
                name: "DomainTrendFacts");

            migrationBuilder.DropTable(
                name: "EventFacts");

            migrationBuilder.DropTable(
                name: "TrajectoryFacts");
        }
    }
}
