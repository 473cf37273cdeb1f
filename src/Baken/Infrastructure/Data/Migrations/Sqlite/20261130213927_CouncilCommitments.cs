using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CouncilCommitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CouncilCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Meeting = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PortfolioHolder = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LinkedTable = table.Column<int>(type: "INTEGER", nullable: true),
                    LinkedPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerLetterOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerLetterReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilCommitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilCommitmentChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilCommitmentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilCommitmentChanges_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilCommitmentChanges_CouncilCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "CouncilCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilCommitmentChanges_ByUserId",
                table: "CouncilCommitmentChanges",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilCommitmentChanges_CommitmentId_AtUtc",
                table: "CouncilCommitmentChanges",
                columns: new[] { "CommitmentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilCommitments_Number",
                table: "CouncilCommitments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilCommitments_Status",
                table: "CouncilCommitments",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CouncilCommitmentChanges");

            migrationBuilder.DropTable(
                name: "CouncilCommitments");
        }
    }
}
