using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Surveys_CohortId",
                table: "Surveys");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CohortSessions_Duration",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_CohortId",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CohortId",
                table: "Assessments");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Surveys",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeKey",
                table: "Surveys",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Surveys",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "DurationMinutes",
                table: "Sessions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "EndTime",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CohortId",
                table: "PerformanceReviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Period",
                table: "PerformanceReviews",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Timing",
                table: "PerformanceReviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Assignments",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeKey",
                table: "Assignments",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Assessments",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeKey",
                table: "Assessments",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Records written before codes existed get one from their id, unique in their cohort; a new import names its own.
            migrationBuilder.Sql("UPDATE \"Assignments\" SET \"Code\" = 'A' || \"Id\", \"CodeKey\" = 'A' || \"Id\";");
            migrationBuilder.Sql("UPDATE \"Assessments\" SET \"Code\" = 'T' || \"Id\", \"CodeKey\" = 'T' || \"Id\";");
            migrationBuilder.Sql("UPDATE \"Surveys\" SET \"Code\" = 'S' || \"Id\", \"CodeKey\" = 'S' || \"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_CohortId_CodeKey",
                table: "Surveys",
                columns: new[] { "CohortId", "CodeKey" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_CohortSessions_Duration",
                table: "Sessions",
                sql: "\"DurationMinutes\" IS NULL OR \"DurationMinutes\" > 0");

            migrationBuilder.AddCheckConstraint(
                name: "CK_CohortSessions_Times",
                table: "Sessions",
                sql: "\"StartTime\" IS NULL OR \"EndTime\" IS NULL OR \"EndTime\" > \"StartTime\"");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceReviews_CohortId",
                table: "PerformanceReviews",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceReviews_LearnerId_Period",
                table: "PerformanceReviews",
                columns: new[] { "LearnerId", "Period" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Interactions_Count",
                table: "Interactions",
                sql: "\"Count\" >= 1");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_CohortId_CodeKey",
                table: "Assignments",
                columns: new[] { "CohortId", "CodeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CohortId_CodeKey",
                table: "Assessments",
                columns: new[] { "CohortId", "CodeKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PerformanceReviews_Cohorts_CohortId",
                table: "PerformanceReviews",
                column: "CohortId",
                principalTable: "Cohorts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PerformanceReviews_Cohorts_CohortId",
                table: "PerformanceReviews");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_CohortId_CodeKey",
                table: "Surveys");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CohortSessions_Duration",
                table: "Sessions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CohortSessions_Times",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_PerformanceReviews_CohortId",
                table: "PerformanceReviews");

            migrationBuilder.DropIndex(
                name: "IX_PerformanceReviews_LearnerId_Period",
                table: "PerformanceReviews");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Interactions_Count",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_CohortId_CodeKey",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CohortId_CodeKey",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "EndTime",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StartTime",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CohortId",
                table: "PerformanceReviews");

            migrationBuilder.DropColumn(
                name: "Period",
                table: "PerformanceReviews");

            migrationBuilder.DropColumn(
                name: "Timing",
                table: "PerformanceReviews");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Assessments");

            migrationBuilder.AlterColumn<int>(
                name: "DurationMinutes",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_CohortId",
                table: "Surveys",
                column: "CohortId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_CohortSessions_Duration",
                table: "Sessions",
                sql: "\"DurationMinutes\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_CohortId",
                table: "Assignments",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CohortId",
                table: "Assessments",
                column: "CohortId");
        }
    }
}
