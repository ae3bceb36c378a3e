using System.Text;
using Supervise.Python;

namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// One open element in <see cref="XmlRpcRequestReader"/>'s fold: ElementTree's <c>text</c> (the character data before
/// the first child) and what each ended child was replaced by. Python's None is <see cref="XmlRpcNil"/>, a plain
/// <c>text</c> is an <see cref="XmlRpcString"/>.
/// </summary>
internal sealed class XmlElementFold(string tag)
{
    private StringBuilder? _text;
    private string? _single;

    /// <summary>An ended child: what it was replaced by and, when it had exactly two children, theirs (a struct member).</summary>
    public readonly record struct Child(string Tag, XmlRpcValue Value, XmlRpcValue? First, XmlRpcValue? Second);

    public string Tag { get; } = tag;

    public bool SawChild { get; set; }

    public List<Child> Children { get; } = [];

    /// <summary>ElementTree's <c>elem.text</c>: null when there was no character data before the first child.</summary>
    public string? Text => _text?.ToString() ?? _single;

    public void AddText(string value)
    {
        if (SawChild)
        {
            return; // a tail, which ElementTree keeps on the child and nobody reads
        }
        if (_single is null && _text is null)
        {
            _single = value;
            return;
        }
        _text ??= new StringBuilder(_single);
        _text.Append(value);
        _single = null;
    }

    public List<XmlRpcValue> ChildValues()
    {
        var values = new List<XmlRpcValue>(Children.Count);
        foreach (var child in Children)
        {
            values.Add(child.Value);
        }
        return values;
    }

    /// <summary>What the element is replaced by when it ends: Supervisor's <c>unmarshallers</c>, and the <c>value</c> rule.</summary>
    public static XmlRpcValue Unmarshal(XmlElementFold element) =>
        element.Tag switch
        {
            "int" or "i4" => PyInt.TryParseInt32(element.Text, out var i)
                ? new XmlRpcInt(i)
                : throw new XmlRpcParseException($"<{element.Tag}> is not an int32: '{element.Text}'"),
            "boolean" => element.Text == "1" ? XmlRpcBool.True : XmlRpcBool.False,
            "string" => new XmlRpcString(element.Text ?? ""),
            "double" => PyFloat.TryParse(element.Text, out var d)
                ? new XmlRpcDouble(d)
                : throw new XmlRpcParseException($"<double> is not a float: '{element.Text}'"),
            "dateTime.iso8601" => XmlRpcDateTimeText.IsValid(element.Text)
                ? new XmlRpcDateTime(element.Text!)
                : throw new XmlRpcParseException($"<dateTime.iso8601> is not %Y%m%dT%H:%M:%S: '{element.Text}'"),
            "base64" => new XmlRpcBase64(PyBase64.DecodeToUtf8(element.Text ?? "")),
            "array" or "param" => element.First(),
            "data" => new XmlRpcArray(element.ChildValues()),
            "struct" => element.Struct(),
            "value" => element.Children.Count > 0 ? element.Children[0].Value : new XmlRpcString(element.Text ?? ""),
            _ => element.Text is { } text ? new XmlRpcString(text) : XmlRpcNil.Instance,
        };

    private XmlRpcValue First() =>
        Children.Count > 0 ? Children[0].Value : throw new XmlRpcParseException($"<{Tag}> has no child element");

    // dict([(k.text or "", v.text) for k, v in x]): each member unpacks into exactly two children; a repeated name
    // keeps its first place and takes the last value.
    private XmlRpcStruct Struct()
    {
        var members = new List<KeyValuePair<string, XmlRpcValue>>(Children.Count);
        var places = new Dictionary<string, int>(Children.Count, StringComparer.Ordinal);
        foreach (var member in Children)
        {
            if (member.First is null || member.Second is null)
            {
                throw new XmlRpcParseException("a struct member must have exactly two children, a name and a value");
            }
            var name = member.First switch
            {
                XmlRpcString s => s.Value,
                XmlRpcNil => "",
                _ => throw new XmlRpcParseException("a struct member name must be text"),
            };
            if (places.TryGetValue(name, out var place))
            {
                members[place] = new(name, member.Second);
            }
            else
            {
                places.Add(name, members.Count);
                members.Add(new(name, member.Second));
            }
        }
        return new XmlRpcStruct(members);
    }

    /// <summary>This element, ended, as its parent's child.</summary>
    public Child AsChild(XmlRpcValue value) =>
        Children.Count == 2
            ? new Child(Tag, value, Children[0].Value, Children[1].Value)
            : new Child(Tag, value, null, null);
}
