using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HealthAlertsNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgeNote",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IsoWeek",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IsoYear",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionNote",
                table: "Alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AlertId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsoYear = table.Column<int>(type: "INTEGER", nullable: false),
                    IsoWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notifications_Mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "Mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OneOpenPerLearnerAndType",
                table: "Alerts",
                columns: new[] { "LearnerId", "Type" },
                unique: true,
                filter: "\"Status\" <> 2");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OnePerLearnerTypeAndWeek",
                table: "Alerts",
                columns: new[] { "LearnerId", "Type", "IsoYear", "IsoWeek" },
                unique: true,
                filter: "\"IsoYear\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Status_RaisedAt",
                table: "Alerts",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AlertId",
                table: "Notifications",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MentorId_ReadAt",
                table: "Notifications",
                columns: new[] { "MentorId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OneDigestPerMentorAndWeek",
                table: "Notifications",
                columns: new[] { "MentorId", "Kind", "IsoYear", "IsoWeek" },
                unique: true,
                filter: "\"Kind\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_OneOpenPerLearnerAndType",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_OnePerLearnerTypeAndWeek",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_Status_RaisedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgeNote",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "IsoWeek",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "IsoYear",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ResolutionNote",
                table: "Alerts");
        }
    }
}
