using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImportAndApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StoredObservations_EnrollmentId_IndicatorCode",
                table: "StoredObservations");

            migrationBuilder.AddColumn<string>(
                name: "Measure",
                table: "StoredObservations",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ObservedOn",
                table: "StoredObservations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Programs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Learners",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredObservations_EnrollmentId_IndicatorCode_Measure_ObservedOn",
                table: "StoredObservations",
                columns: new[] { "EnrollmentId", "IndicatorCode", "Measure", "ObservedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropIndex(
                name: "IX_StoredObservations_EnrollmentId_IndicatorCode_Measure_ObservedOn",
                table: "StoredObservations");

            migrationBuilder.DropColumn(
                name: "Measure",
                table: "StoredObservations");

            migrationBuilder.DropColumn(
                name: "ObservedOn",
                table: "StoredObservations");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Learners");

            migrationBuilder.CreateIndex(
                name: "IX_StoredObservations_EnrollmentId_IndicatorCode",
                table: "StoredObservations",
                columns: new[] { "EnrollmentId", "IndicatorCode" });
        }
    }
}
