using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NaturalKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Programs_Code",
                table: "Programs");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_EmployeeNumber",
                table: "Mentors");

            migrationBuilder.DropIndex(
                name: "IX_Learners_EmployeeNumber",
                table: "Learners");

            migrationBuilder.DropIndex(
                name: "IX_Kpis_ProgramId_Code",
                table: "Kpis");

            migrationBuilder.DropIndex(
                name: "IX_Cohorts_Code",
                table: "Cohorts");

            migrationBuilder.AddColumn<string>(
                name: "CodeKey",
                table: "Programs",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmployeeNumberKey",
                table: "Mentors",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmployeeNumberKey",
                table: "Learners",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeKey",
                table: "Kpis",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeKey",
                table: "Cohorts",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Spec section 9: the key is the code trimmed and upper-cased. Portable SQL here; the start-up
            // (NaturalKeyUpgrade) has refused case-duplicates before this runs and recomputes keys with .NET's rule after.
            migrationBuilder.Sql("UPDATE \"Programs\" SET \"CodeKey\" = UPPER(TRIM(\"Code\"));");
            migrationBuilder.Sql("UPDATE \"Cohorts\" SET \"CodeKey\" = UPPER(TRIM(\"Code\"));");
            migrationBuilder.Sql("UPDATE \"Kpis\" SET \"CodeKey\" = UPPER(TRIM(\"Code\"));");
            migrationBuilder.Sql("UPDATE \"Learners\" SET \"EmployeeNumberKey\" = UPPER(TRIM(\"EmployeeNumber\"));");
            migrationBuilder.Sql("UPDATE \"Mentors\" SET \"EmployeeNumberKey\" = UPPER(TRIM(\"EmployeeNumber\"));");

            migrationBuilder.CreateIndex(
                name: "IX_Programs_CodeKey",
                table: "Programs",
                column: "CodeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_EmployeeNumberKey",
                table: "Mentors",
                column: "EmployeeNumberKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Learners_EmployeeNumberKey",
                table: "Learners",
                column: "EmployeeNumberKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_ProgramId_CodeKey",
                table: "Kpis",
                columns: new[] { "ProgramId", "CodeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_CodeKey",
                table: "Cohorts",
                column: "CodeKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Programs_CodeKey",
                table: "Programs");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_EmployeeNumberKey",
                table: "Mentors");

            migrationBuilder.DropIndex(
                name: "IX_Learners_EmployeeNumberKey",
                table: "Learners");

            migrationBuilder.DropIndex(
                name: "IX_Kpis_ProgramId_CodeKey",
                table: "Kpis");

            migrationBuilder.DropIndex(
                name: "IX_Cohorts_CodeKey",
                table: "Cohorts");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "EmployeeNumberKey",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "EmployeeNumberKey",
                table: "Learners");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Kpis");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Cohorts");

            migrationBuilder.CreateIndex(
                name: "IX_Programs_Code",
                table: "Programs",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_EmployeeNumber",
                table: "Mentors",
                column: "EmployeeNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Learners_EmployeeNumber",
                table: "Learners",
                column: "EmployeeNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_ProgramId_Code",
                table: "Kpis",
                columns: new[] { "ProgramId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cohorts_Code",
                table: "Cohorts",
                column: "Code",
                unique: true);
        }
    }
}
