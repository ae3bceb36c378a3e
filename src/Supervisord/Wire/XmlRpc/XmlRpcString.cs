namespace Supervise.Supervisord.Wire.XmlRpc;

/// <summary>
/// A <c>&lt;string&gt;</c>, or a <c>&lt;value&gt;</c> with no type element, or the text of a type Supervisor does not
/// know (<c>&lt;i8&gt;</c>). Written through <see cref="XmlText.Sanitize"/>, so any text is safe to return.
/// </summary>
public sealed record XmlRpcString(string Value) : XmlRpcValue;
