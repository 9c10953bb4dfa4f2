using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "ApplicationEvents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ApplicationEvents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "ApplicationEvents",
                type: "TEXT",
                nullable: true);

            // SQLite adds a nullable column with its foreign key in place (ALTER TABLE … REFERENCES); EF's AddForeignKey would
            // rebuild the whole table, copying every application event, for what is only a new empty column.
            migrationBuilder.Sql("""
                ALTER TABLE "ApplicationEvents" ADD "ReviewedByMentorId" INTEGER NULL
                    CONSTRAINT "FK_ApplicationEvents_Mentors_ReviewedByMentorId" REFERENCES "Mentors" ("Id") ON DELETE SET NULL;
                """);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ApplicationEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every row so far came from a system of record (imports, the demo, the API): a confirmed record, not a case
            // waiting for a mentor. ApplicationCaseStatus.Confirmed is 1; new rows always name their status.
            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ApplicationEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "ApplicationEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationEvents_ReviewedByMentorId",
                table: "ApplicationEvents",
                column: "ReviewedByMentorId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationEvents_Status",
                table: "ApplicationEvents",
                column: "Status");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApplicationEvents_Mentors_ReviewedByMentorId",
                table: "ApplicationEvents");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationEvents_ReviewedByMentorId",
                table: "ApplicationEvents");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationEvents_Status",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "Result",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "ReviewedByMentorId",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "ApplicationEvents");
        }
    }
}
