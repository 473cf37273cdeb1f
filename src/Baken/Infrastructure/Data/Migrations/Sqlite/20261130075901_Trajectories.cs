using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trajectories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "ClientTeamMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TrajectoryId",
                table: "ClientTeamMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Trajectories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReferralRoute = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferringOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferralDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HousingNeed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TeamIncomplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    VictimStatus = table.Column<byte[]>(type: "BLOB", nullable: true),
                    GenderIdentity = table.Column<byte[]>(type: "BLOB", nullable: true),
                    GenderSelfDescription = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Languages = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Motive = table.Column<byte[]>(type: "BLOB", nullable: true),
                    MigrationSituation = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trajectories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Trajectories_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Trajectories_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Trajectories_Organisations_ReferringOrganisationId",
                        column: x => x.ReferringOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrajectoryTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrajectoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrajectoryTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrajectoryTransitions_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrajectoryTransitions_Trajectories_TrajectoryId",
                        column: x => x.TrajectoryId,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientTeamMembers_TrajectoryId_ToUtc",
                table: "ClientTeamMembers",
                columns: new[] { "TrajectoryId", "ToUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_ClientId_Type_State",
                table: "Trajectories",
                columns: new[] { "ClientId", "Type", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_OrganisationId_State",
                table: "Trajectories",
                columns: new[] { "OrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_ReferringOrganisationId",
                table: "Trajectories",
                column: "ReferringOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryTransitions_ByUserId",
                table: "TrajectoryTransitions",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryTransitions_ClientId",
                table: "TrajectoryTransitions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryTransitions_TrajectoryId_AtUtc",
                table: "TrajectoryTransitions",
                columns: new[] { "TrajectoryId", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_ClientTeamMembers_Trajectories_TrajectoryId",
                table: "ClientTeamMembers",
                column: "TrajectoryId",
                principalTable: "Trajectories",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ClientTeamMembers_Trajectories_TrajectoryId",
                table: "ClientTeamMembers");

            migrationBuilder.DropTable(
                name: "TrajectoryTransitions");

            migrationBuilder.DropTable(
                name: "Trajectories");

            migrationBuilder.DropIndex(
                name: "IX_ClientTeamMembers_TrajectoryId_ToUtc",
                table: "ClientTeamMembers");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "ClientTeamMembers");

            migrationBuilder.DropColumn(
                name: "TrajectoryId",
                table: "ClientTeamMembers");
        }
    }
}
