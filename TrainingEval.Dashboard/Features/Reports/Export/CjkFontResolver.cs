using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace TrainingEval.Dashboard.Features.Reports.Export;

/// <summary>
/// Gives PDFsharp the one font every report uses: a Chinese font that also has Latin glyphs.
/// Why this exists: PDFsharp 6 (the cross-platform build) ships no fonts and cannot find system fonts, so without
/// an <see cref="IFontResolver"/> it cannot print a single character, and Chinese needs a CJK font.
/// Which font: PDFsharp subsets only fonts with TrueType (glyf) outlines and embeds CFF-outline fonts whole, so the
/// first choice is WenQuanYi Micro Hei (glyf outlines, Debian fonts-wqy-microhei): a report then carries only the
/// glyphs it prints (a few hundred KB instead of ≈ 13 MB). Zen Hei (also glyf) is next; Noto Sans CJK SC (CFF,
/// embedded whole) is the last resort so a machine with only Noto still prints reports. All three come as
/// TrueType collections (.ttc), which PDFsharp cannot read, so the wanted face is copied out into a stand-alone
/// font. Bold is simulated from the regular face rather than embedding a second font.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    /// <summary>The family name the renderer asks for; the resolver answers it with whichever source was found.</summary>
    public const string FamilyName = "Report Sans CJK";
    public const string FaceName = "ReportSansCJK-Regular";

    /// <summary>A font file and the face in it to use (collections hold several faces).</summary>
    public sealed record FontSource(string Path, int Face, bool Subsettable);

    /// <summary>
    /// Where Debian/Ubuntu, Fedora and Arch put the fonts, best first; the first that exists is used.
    /// NotoSansCJK-Regular.ttc holds JP, KR, SC, TC, HK then the Mono faces, so Simplified Chinese is face 2.
    /// </summary>
    public static readonly IReadOnlyList<FontSource> Candidates =
    [
        new("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, Subsettable: true),
        new("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0, Subsettable: true),
        new("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", 0, Subsettable: true),
        new("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, Subsettable: true),
        new("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0, Subsettable: true),
        new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, Subsettable: false),
        new("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2, Subsettable: false),
        new("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2, Subsettable: false),
        new("/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc", 2, Subsettable: false),
    ];

    private static readonly Lock InstallLock = new();
    private readonly Lazy<byte[]> _font;

    public CjkFontResolver(FontSource? source = null)
    {
        Source = source ?? FindFont();
        _font = new(() => Load(Source));
    }

    /// <summary>The font this resolver serves.</summary>
    public FontSource Source { get; }

    /// <summary>Installs the resolver for the process once (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is CjkFontResolver)
                return;
            GlobalFontSettings.FontResolver = new CjkFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _font.Value : null;

    private static FontSource FindFont() =>
        Candidates.FirstOrDefault(c => File.Exists(c.Path))
        ?? throw new FileNotFoundException(
            "The reports need a Chinese font (Debian/Ubuntu: apt-get install fonts-wqy-microhei, or fonts-noto-cjk). Looked in: "
            + string.Join(", ", Candidates.Select(c => c.Path)));

    private static byte[] Load(FontSource source)
    {
        var bytes = File.ReadAllBytes(source.Path);
        return IsCollection(bytes) ? ExtractFace(bytes, source.Face) : bytes;
    }

    private static bool IsCollection(byte[] bytes) => bytes.Length > 12 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f';

    /// <summary>
    /// Copies face <paramref name="index"/> of a TrueType collection into a stand-alone font: its table directory
    /// with offsets rewritten, then each table 4-byte aligned (the OpenType file layout).
    /// </summary>
    internal static byte[] ExtractFace(byte[] collection, int index)
    {
        uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(offset, 4));
        ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(offset, 2));
        var faces = (int)U32(8);
        if (index >= faces)
            throw new InvalidDataException($"The font collection has {faces} faces; face {index} does not exist.");
        var face = (int)U32(12 + 4 * index);
        var tableCount = U16(face + 4);
        var tables = Enumerable.Range(0, tableCount)
            .Select(i => face + 12 + 16 * i)
            .Select(r => (Tag: U32(r), Checksum: U32(r + 4), Offset: (int)U32(r + 8), Length: (int)U32(r + 12)))
            .ToList();
        var headerLength = 12 + 16 * tableCount;
        var font = new byte[headerLength + tables.Sum(t => (t.Length + 3) & ~3)];
        collection.AsSpan(face, 12).CopyTo(font);
        var position = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, checksum, offset, length) = tables[i];
            var record = font.AsSpan(12 + 16 * i);
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            collection.AsSpan(offset, length).CopyTo(font.AsSpan(position));
            position += (length + 3) & ~3;
        }
        return font;
    }
}
