using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionsCheckInAndTrainers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckInCode",
                table: "Sessions",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Sessions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MarkedAt",
                table: "Attendance",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MarkedBy",
                table: "Attendance",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Attendance",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "SelfCheckIn",
                table: "Attendance",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CohortTrainers",
                columns: table => new
                {
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortTrainers", x => new { x.CohortId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CohortTrainers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CohortTrainers_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CheckInCode",
                table: "Sessions",
                column: "CheckInCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CohortTrainers_UserId",
                table: "CohortTrainers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortTrainers");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_CheckInCode",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CheckInCode",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "MarkedAt",
                table: "Attendance");

            migrationBuilder.DropColumn(
                name: "MarkedBy",
                table: "Attendance");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Attendance");

            migrationBuilder.DropColumn(
                name: "SelfCheckIn",
                table: "Attendance");
        }
    }
}
