using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SurveyItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_SurveyId_EnrollmentId",
                table: "SurveyResponses");

            migrationBuilder.AddColumn<List<int?>>(
                name: "Choices",
                table: "SurveyResponses",
                type: "integer[]",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Respondent",
                table: "SurveyResponses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "Texts",
                table: "SurveyResponses",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LearnerId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SurveyId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    OptionsEn = table.Column<List<string>>(type: "text[]", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItems_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_EnrollmentId_Respondent",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "EnrollmentId", "Respondent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_LearnerId_ReadAt",
                table: "Notifications",
                columns: new[] { "LearnerId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SurveyId_CreatedAt",
                table: "Notifications",
                columns: new[] { "SurveyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItems_SurveyId_Position",
                table: "SurveyItems",
                columns: new[] { "SurveyId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyItems");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_SurveyId_EnrollmentId_Respondent",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_LearnerId_ReadAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_SurveyId_CreatedAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Choices",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "Respondent",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "Texts",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "LearnerId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SurveyId",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_EnrollmentId",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "EnrollmentId" },
                unique: true);
        }
    }
}
