using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Demo;

/// <summary>A text in both languages of the demo.</summary>
public readonly record struct DemoText(string Zh, string En);

/// <summary>A demo department: its name, positions and share of the workforce.</summary>
internal sealed record DemoDepartment(string Code, DemoText Name, double Share, DemoText[] Positions);

internal sealed record DemoKpi(string Code, DemoText Name, DemoText Unit, KpiDirection Direction, decimal ValuePerUnit,
    double BaselineMean, double BaselineSd, double TargetImprovement, bool TeamLevel, int Decimals);

/// <summary>
/// A demo program. <see cref="QualityTrend"/> is how much each run improves (or, negative, declines);
/// <see cref="LastEndOffsetDays"/> places the newest cohort's end relative to "today" (positive = still running).
/// </summary>
internal sealed record DemoProgram(string Code, DemoText Name, DemoText Description, int CohortCount, int Weeks, int SizeMin, int SizeMax,
    double[] DepartmentWeights, double? PracticalMax, double BaseQuality, double QualityTrend, int LastEndOffsetDays,
    bool RecentHiresOnly, DemoKpi[] Kpis, DemoText[] Topics, DemoText[] Applications);

/// <summary>The fixed vocabulary of the demo company (a manufacturer), in Chinese and English.</summary>
internal static class DemoCatalog
{
    public static readonly DemoDepartment[] Departments =
    [
        new("PRD1", new("总装车间", "Final Assembly"), 0.25, [new("装配工", "Assembler"), new("装配班组长", "Assembly Team Lead"), new("工艺员", "Process Technician")]),
        new("PRD2", new("机加工车间", "Machining"), 0.21, [new("数控操作工", "CNC Operator"), new("机加班组长", "Machining Team Lead"), new("编程员", "CNC Programmer")]),
        new("QA", new("质量管理部", "Quality Management"), 0.09, [new("质检员", "Quality Inspector"), new("质量工程师", "Quality Engineer")]),
        new("MNT", new("设备维修部", "Equipment Maintenance"), 0.10, [new("维修电工", "Maintenance Electrician"), new("机修工", "Maintenance Fitter"), new("设备工程师", "Equipment Engineer")]),
        new("EHS", new("安全环保部", "Safety & Environment"), 0.04, [new("安全员", "Safety Officer"), new("环保专员", "Environmental Specialist")]),
        new("SCM", new("供应链部", "Supply Chain"), 0.11, [new("计划员", "Production Planner"), new("仓库管理员", "Warehouse Keeper"), new("采购专员", "Buyer")]),
        new("RND", new("研发技术部", "R&D Engineering"), 0.10, [new("研发工程师", "R&D Engineer"), new("工艺工程师", "Process Engineer")]),
        new("SLS", new("销售与客服部", "Sales & Customer Service"), 0.10, [new("客服专员", "Customer Service Specialist"), new("销售代表", "Sales Representative"), new("客服主管", "Customer Service Supervisor")]),
    ];

    public static readonly DemoText[] MentorTitles = [new("高级技师", "Senior Technician"), new("主任工程师", "Principal Engineer"), new("车间主任", "Workshop Manager"), new("部门经理", "Department Manager")];

    // Surnames and given-name syllables with their pinyin: English names are the pinyin of the Chinese ones.
    public static readonly DemoText[] Surnames =
    [
        new("王", "Wang"), new("李", "Li"), new("张", "Zhang"), new("刘", "Liu"), new("陈", "Chen"), new("杨", "Yang"), new("黄", "Huang"),
        new("赵", "Zhao"), new("吴", "Wu"), new("周", "Zhou"), new("徐", "Xu"), new("孙", "Sun"), new("马", "Ma"), new("朱", "Zhu"),
        new("胡", "Hu"), new("郭", "Guo"), new("何", "He"), new("高", "Gao"), new("林", "Lin"), new("罗", "Luo"), new("郑", "Zheng"),
        new("梁", "Liang"), new("谢", "Xie"), new("宋", "Song"), new("唐", "Tang"), new("许", "Xu"), new("韩", "Han"), new("冯", "Feng"),
        new("邓", "Deng"), new("曹", "Cao"), new("彭", "Peng"), new("曾", "Zeng"), new("肖", "Xiao"), new("田", "Tian"), new("董", "Dong"),
    ];

    public static readonly DemoText[] GivenSyllables =
    [
        new("伟", "wei"), new("芳", "fang"), new("娜", "na"), new("敏", "min"), new("静", "jing"), new("丽", "li"), new("强", "qiang"),
        new("磊", "lei"), new("军", "jun"), new("洋", "yang"), new("勇", "yong"), new("艳", "yan"), new("杰", "jie"), new("娟", "juan"),
        new("涛", "tao"), new("明", "ming"), new("超", "chao"), new("秀", "xiu"), new("霞", "xia"), new("平", "ping"), new("刚", "gang"),
        new("桂", "gui"), new("华", "hua"), new("建", "jian"), new("国", "guo"), new("文", "wen"), new("辉", "hui"), new("鹏", "peng"),
        new("宇", "yu"), new("浩", "hao"), new("婷", "ting"), new("雪", "xue"), new("晨", "chen"), new("欣", "xin"), new("佳", "jia"),
        new("志", "zhi"), new("海", "hai"), new("斌", "bin"), new("凯", "kai"), new("琳", "lin"), new("博", "bo"), new("帆", "fan"),
    ];

    public static readonly DemoText[] RatingComments =
    [
        new("主动提出改进建议，值得肯定。", "Proposes improvements on their own initiative."),
        new("能把课堂内容用到岗位上。", "Applies the course content on the job."),
        new("与班组同事配合良好。", "Works well with the team."),
        new("近期状态有所下滑，需要关注。", "Has slipped recently and needs attention."),
        new("学习态度认真，按时完成任务。", "Serious about learning, finishes tasks on time."),
        new("创新思路较多，但落地不够。", "Has many new ideas but follows through too little."),
    ];

    public static readonly DemoText[] SurveyComments =
    [
        new("案例贴近实际，收获很大。", "The cases are close to real work; I learned a lot."),
        new("希望增加现场实操时间。", "I would like more hands-on time on the shop floor."),
        new("课程节奏偏快。", "The course moves a bit fast."),
        new("讲师经验丰富，讲解清楚。", "The trainer is experienced and explains clearly."),
    ];

    private static readonly DemoKpi OutputPerHour = new("output_per_hour", new("人均小时产出", "Output per hour"), new("件/小时", "units/hour"), KpiDirection.HigherIsBetter, 18m, 42, 6, 0.10, false, 1);
    private static readonly DemoKpi ErrorRate = new("error_rate", new("操作差错率", "Operating error rate"), new("%", "%"), KpiDirection.LowerIsBetter, 1500m, 3.2, 0.8, -0.30, false, 2);

    public static readonly DemoProgram[] Programs =
    [
        new("LEAN-TL", new("精益生产班组长训练营", "Lean Production for Team Leads"),
            new("面向班组长的精益工具与现场管理训练：5S、标准作业、价值流与改善。", "Lean tools and shop-floor management for team leads: 5S, standard work, value streams and kaizen."),
            6, 8, 26, 40, [5, 5, 1, 1, 0, 2, 1, 0], 50, -6, 5, 20, false,
            [OutputPerHour, new("scrap_rate", new("报废率", "Scrap rate"), new("%", "%"), KpiDirection.LowerIsBetter, 2200m, 2.4, 0.6, -0.30, false, 2),
             new("kaizen_count", new("班组改善提案数", "Team kaizen proposals"), new("条/月", "per month"), KpiDirection.HigherIsBetter, 400m, 6, 2, 0.5, true, 0)],
            [new("5S与目视化管理", "5S and visual management"), new("标准作业", "Standard work"), new("价值流图", "Value stream mapping"), new("快速换模", "Quick changeover (SMED)"), new("问题解决与改善", "Problem solving and kaizen"), new("班组沟通", "Team communication"), new("现场改善实战", "Kaizen on the floor"), new("结业汇报", "Final presentation")],
            [new("在工位推行5S并建立点检表", "Rolled out 5S at the workstation with a checklist"), new("组织班组改善会，缩短换线时间", "Ran a team kaizen meeting that shortened changeover"), new("编写标准作业指导书", "Wrote a standard work instruction"), new("用价值流图找出等待浪费", "Used a value stream map to find waiting waste")]),
        new("SAFE-OPS", new("安全生产操作规范", "Safe Operations and Compliance"),
            new("全员安全生产培训：危险源识别、上锁挂牌、个人防护与应急处置。", "Safety training for all staff: hazard identification, lockout/tagout, PPE and emergency response."),
            5, 6, 110, 180, [6, 5, 2, 3, 1, 2, 1, 1], null, 0, 1, -25, false,
            [new("compliance_rate", new("安全检查合规率", "Safety inspection compliance"), new("%", "%"), KpiDirection.HigherIsBetter, 900m, 86, 5, 0.08, true, 1),
             new("near_miss_reports", new("未遂事件上报数", "Near-miss reports"), new("起/季度", "per quarter"), KpiDirection.HigherIsBetter, 300m, 1.5, 0.8, 1.0, false, 0)],
            [new("危险源辨识", "Hazard identification"), new("上锁挂牌", "Lockout/tagout"), new("个人防护用品", "Personal protective equipment"), new("消防与应急", "Fire safety and emergencies"), new("化学品安全", "Chemical safety"), new("安全考核", "Safety assessment")],
            [new("发现并上报一处未遂隐患", "Spotted and reported a near miss"), new("检修前规范执行上锁挂牌", "Applied lockout/tagout correctly before maintenance"), new("纠正同事未佩戴防护用品", "Corrected a colleague working without PPE")]),
        new("QC-7", new("质量管理七大工具", "Seven Quality Control Tools"),
            new("用检查表、柏拉图、鱼骨图、控制图等工具分析和解决质量问题。", "Check sheets, Pareto charts, fishbone diagrams and control charts to analyse and fix quality problems."),
            5, 8, 24, 36, [3, 3, 5, 1, 0, 1, 2, 0], 50, 2, 0, -100, false,
            [new("defect_ppm", new("不良率", "Defect rate"), new("PPM", "PPM"), KpiDirection.LowerIsBetter, 35m, 820, 160, -0.25, false, 0),
             new("first_pass_yield", new("一次合格率", "First-pass yield"), new("%", "%"), KpiDirection.HigherIsBetter, 1200m, 92, 2.5, 0.03, true, 1)],
            [new("检查表与分层", "Check sheets and stratification"), new("柏拉图", "Pareto charts"), new("鱼骨图", "Fishbone diagrams"), new("直方图", "Histograms"), new("散布图", "Scatter diagrams"), new("控制图", "Control charts"), new("QC小组活动", "QC circles"), new("结业课题", "Final project")],
            [new("用柏拉图锁定主要不良项", "Used a Pareto chart to find the main defect"), new("建立关键尺寸控制图", "Set up a control chart for a key dimension"), new("组织鱼骨图分析客诉原因", "Led a fishbone analysis of a customer complaint")]),
        new("TPM", new("全员生产维护", "Total Productive Maintenance"),
            new("自主保全与计划保全，提升设备综合效率。", "Autonomous and planned maintenance to raise overall equipment effectiveness."),
            4, 10, 24, 34, [3, 4, 0, 5, 0, 0, 1, 0], 100, 3, 1, 15, false,
            [new("downtime_hours", new("设备故障停机", "Unplanned downtime"), new("小时/月", "hours/month"), KpiDirection.LowerIsBetter, 2600m, 14, 3.5, -0.30, false, 1),
             new("oee", new("设备综合效率", "Overall equipment effectiveness"), new("%", "%"), KpiDirection.HigherIsBetter, 5000m, 71, 4, 0.07, true, 1)],
            [new("TPM概论", "TPM essentials"), new("自主保全七步", "Seven steps of autonomous maintenance"), new("点检与润滑", "Inspection and lubrication"), new("故障分析", "Failure analysis"), new("计划保全", "Planned maintenance"), new("备件管理", "Spare parts"), new("OEE计算", "Calculating OEE"), new("快速维修", "Quick repair"), new("现场实操", "Hands-on practice"), new("结业评审", "Final review")],
            [new("建立设备日常点检表", "Created a daily inspection sheet for a machine"), new("通过润滑改善减少停机", "Reduced downtime by improving lubrication"), new("完成一次故障根因分析", "Completed a root-cause analysis of a breakdown")]),
        new("NEW-EMP", new("新员工入职培训", "New Employee Onboarding"),
            new("公司文化、规章制度、安全基础与岗位技能入门。", "Company culture, rules, safety basics and first job skills."),
            6, 6, 36, 60, [6, 5, 1, 1, 0, 1, 1, 1], 100, 1, 0, 18, true,
            [new("ramp_up_errors", new("上岗首月差错数", "Errors in first month on the job"), new("次", "errors"), KpiDirection.LowerIsBetter, 260m, 9, 2.5, -0.35, false, 0),
             OutputPerHour with { BaselineMean = 30, TargetImprovement = 0.25 }],
            [new("企业文化", "Company culture"), new("规章制度", "Company rules"), new("安全基础", "Safety basics"), new("质量意识", "Quality awareness"), new("岗位技能", "Job skills"), new("入职考核", "Onboarding assessment")],
            [new("独立完成首件检验", "Did a first-article inspection on their own"), new("按标准作业完成整班生产", "Worked a full shift to standard work")]),
        new("DIGI", new("数字化工厂技能", "Digital Factory Skills"),
            new("MES报工、数据看板与基础数据分析。", "Shop-floor reporting in the MES, dashboards and basic data analysis."),
            4, 6, 24, 40, [3, 3, 2, 1, 0, 3, 2, 0], null, 1, 0, -50, false,
            [new("report_on_time", new("报工及时率", "On-time job reporting"), new("%", "%"), KpiDirection.HigherIsBetter, 600m, 78, 8, 0.15, false, 1),
             ErrorRate with { Code = "data_error_rate", Name = new("数据录入差错率", "Data entry error rate") }],
            [new("MES报工", "Reporting in the MES"), new("数据看板", "Dashboards"), new("Excel数据分析", "Data analysis in Excel"), new("数据质量", "Data quality"), new("异常追溯", "Tracing exceptions"), new("结业练习", "Final exercise")],
            [new("用数据看板发现产线瓶颈", "Found a line bottleneck on a dashboard"), new("纠正班组报工习惯", "Fixed the team's job-reporting habit")]),
        new("SC-PLAN", new("供应链计划与库存管理", "Supply Chain Planning and Inventory"),
            new("需求预测、主计划、安全库存与供应商协同。", "Demand forecasting, master planning, safety stock and supplier collaboration."),
            5, 8, 20, 30, [0, 0, 0, 0, 0, 8, 1, 1], null, 2, 0, -200, false,
            [new("on_time_delivery", new("订单准时交付率", "On-time delivery"), new("%", "%"), KpiDirection.HigherIsBetter, 3000m, 88, 4, 0.06, true, 1),
             new("inventory_days", new("库存周转天数", "Days of inventory"), new("天", "days"), KpiDirection.LowerIsBetter, 8000m, 38, 6, -0.15, false, 1)],
            [new("需求预测", "Demand forecasting"), new("销售与运营计划", "Sales and operations planning"), new("主生产计划", "Master production scheduling"), new("物料需求计划", "Material requirements planning"), new("安全库存", "Safety stock"), new("供应商协同", "Supplier collaboration"), new("库存分析", "Inventory analysis"), new("结业案例", "Final case study")],
            [new("调整安全库存参数，减少缺料", "Tuned safety stock and cut shortages"), new("与供应商建立周滚动计划", "Set up a weekly rolling plan with a supplier")]),
        new("CS-EXC", new("客户服务卓越", "Customer Service Excellence"),
            new("客户沟通、投诉处理与服务质量改进。", "Customer communication, complaint handling and service quality."),
            5, 6, 20, 30, [0, 0, 1, 0, 0, 0, 0, 9], null, 6, -5, -10, false,
            [new("resolution_hours", new("投诉处理时长", "Complaint resolution time"), new("小时", "hours"), KpiDirection.LowerIsBetter, 150m, 30, 6, -0.25, false, 1),
             new("csat", new("客户满意度", "Customer satisfaction"), new("%", "%"), KpiDirection.HigherIsBetter, 2500m, 84, 4, 0.06, true, 1)],
            [new("客户沟通", "Talking with customers"), new("倾听与同理心", "Listening and empathy"), new("投诉处理", "Handling complaints"), new("服务补救", "Service recovery"), new("服务标准", "Service standards"), new("结业演练", "Final role play")],
            [new("一次通话解决客户投诉", "Resolved a complaint in one call"), new("总结常见问题话术并分享", "Wrote up and shared answers to common questions")]),
    ];
}
