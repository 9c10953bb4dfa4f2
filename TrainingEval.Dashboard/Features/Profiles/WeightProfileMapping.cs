using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Profiles;

/// <summary>The one place a Domain <see cref="WeightProfile"/> and a stored <see cref="WeightProfileVersion"/> meet.</summary>
public static class WeightProfileMapping
{
    public static WeightProfile ToDomain(this WeightProfileVersion version) => new()
    {
        Name = version.Name,
        Version = version.Version,
        LevelWeights = new LevelWeights(version.ReactionWeight, version.LearningWeight, version.BehaviorWeight, version.ResultsWeight),
        Indicators = version.Indicators.Select(i => new IndicatorDefinition
        {
            Code = i.Code,
            Level = i.Level,
            Normalization = i.Normalization,
            Weight = i.Weight,
            Max = i.Max,
            Target = i.Target,
            IsCustom = i.IsCustom,
        }).ToList(),
        Policy = version.Policy,
        Tiers = new TierThresholds(version.TierA, version.TierB, version.TierC),
        PassMark = version.PassMark,
        ExamPassLine = version.ExamPassLine,
        ApplicationWindowDays = version.ApplicationWindowDays,
    };

    /// <summary>A new (unsaved) version row of <paramref name="profile"/>; the version number is <paramref name="version"/>, not the profile's own.</summary>
    public static WeightProfileVersion ToVersion(this WeightProfile profile, int version, string createdBy, DateTime createdAt, string? changeNote) => new()
    {
        Version = version,
        Name = profile.Name,
        ReactionWeight = profile.LevelWeights.Reaction,
        LearningWeight = profile.LevelWeights.Learning,
        BehaviorWeight = profile.LevelWeights.Behavior,
        ResultsWeight = profile.LevelWeights.Results,
        Policy = profile.Policy,
        TierA = profile.Tiers.A,
        TierB = profile.Tiers.B,
        TierC = profile.Tiers.C,
        PassMark = profile.PassMark,
        ExamPassLine = profile.ExamPassLine,
        ApplicationWindowDays = profile.ApplicationWindowDays,
        Indicators = profile.Indicators.Select(i => new ProfileIndicator
        {
            Code = i.Code,
            Level = i.Level,
            Normalization = i.Normalization,
            Weight = i.Weight,
            Max = i.Max,
            Target = i.Target,
            IsCustom = i.IsCustom,
        }).ToList(),
        CreatedBy = createdBy,
        CreatedAt = createdAt,
        ChangeNote = changeNote,
    };
}
