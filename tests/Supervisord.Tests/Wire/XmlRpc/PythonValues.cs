using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire.XmlRpc;

/// <summary>
/// The typed JSON of Data/generate.py ({"int": 5}, {"struct": [["k", v]]} …) as codec values, and a canonical text of
/// a value as Python would hold it (base64 parameters are str there), so two values compare as one string.
/// </summary>
internal static class PythonValues
{
    public static JsonElement Load(string file, [CallerFilePath] string source = "") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "Data", file))).RootElement;

    public static XmlRpcValue FromJson(JsonElement typed)
    {
        var property = typed.EnumerateObject().Single();
        var v = property.Value;
        return property.Name switch
        {
            "int" => new XmlRpcInt(v.GetInt32()),
            "bool" => new XmlRpcBool(v.GetBoolean()),
            "str" => new XmlRpcString(v.GetString()!),
            "double" => new XmlRpcDouble(ParseRepr(v.GetString()!)),
            "base64" => new XmlRpcBase64(Convert.FromBase64String(v.GetString()!)),
            "datetime" => new XmlRpcDateTime(v.GetString()!),
            "array" => new XmlRpcArray([.. v.EnumerateArray().Select(FromJson)]),
            "struct" => new XmlRpcStruct([
                .. v.EnumerateArray()
                    .Select(m => new KeyValuePair<string, XmlRpcValue>(m[0].GetString()!, FromJson(m[1]))),
            ]),
            "nil" => XmlRpcNil.Instance,
            _ => throw new InvalidOperationException(property.Name),
        };
    }

    /// <summary>Python's view: base64 is its UTF-8 text, a datetime only its type (Python normalises the text).</summary>
    public static string Canonical(XmlRpcValue value) =>
        value switch
        {
            XmlRpcInt i => "int:" + i.Value.ToString(CultureInfo.InvariantCulture),
            XmlRpcBool b => "bool:" + b.Value,
            XmlRpcString s => "str:" + JsonSerializer.Serialize(s.Value),
            XmlRpcBase64 b => "str:" + JsonSerializer.Serialize(Encoding.UTF8.GetString(b.Value)),
            XmlRpcDouble d => "double:" + Repr(d.Value),
            XmlRpcDateTime => "datetime",
            XmlRpcArray a => "[" + string.Join(", ", a.Items.Select(Canonical)) + "]",
            XmlRpcStruct s => "{"
                + string.Join(", ", s.Members.Select(m => JsonSerializer.Serialize(m.Key) + ": " + Canonical(m.Value)))
                + "}",
            XmlRpcNil => "None",
            _ => throw new InvalidOperationException(value.GetType().Name),
        };

    /// <summary>Canonical text of Python's value in typed JSON (its base64 values are already str).</summary>
    public static string Canonical(JsonElement typed)
    {
        var property = typed.EnumerateObject().Single();
        return property.Name switch
        {
            "double" => "double:" + property.Value.GetString(),
            "datetime" => "datetime",
            _ => Canonical(FromJson(typed)),
        };
    }

    /// <summary>Python's repr, through the writer itself: the double between &lt;double&gt; and &lt;/double&gt;.</summary>
    private static string Repr(double value)
    {
        var xml = Encoding.UTF8.GetString(XmlRpcResponseWriter.Response(new XmlRpcDouble(value)));
        var start = xml.IndexOf("<double>", StringComparison.Ordinal) + "<double>".Length;
        return xml[start..xml.IndexOf("</double>", StringComparison.Ordinal)];
    }

    private static double ParseRepr(string repr) =>
        repr switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" => double.NaN,
            _ => double.Parse(repr, CultureInfo.InvariantCulture),
        };
}
