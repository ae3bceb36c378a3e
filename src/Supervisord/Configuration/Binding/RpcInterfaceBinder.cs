using System.Text.RegularExpressions;
using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// <c>[rpcinterface:x]</c> (<c>get_plugins</c>): the factory is required. Python factories cannot be imported here;
/// Supervisor's own is recognised and any other is accepted with a warning that it is ignored.
/// </summary>
internal static partial class RpcInterfaceBinder
{
    public const string FactoryKey = "supervisor.rpcinterface_factory";
    public const string MainFactory = "supervisor.rpcinterface:make_main_rpcinterface";

    public static ValueList<RpcInterfaceConfig> Bind(
        RawConfig config,
        IReadOnlyDictionary<string, object> envNames,
        BindContext context
    )
    {
        var interfaces = new List<RpcInterfaceConfig>();
        foreach (var section in config.SectionsStartingWith("rpcinterface:"))
        {
            var r = new OptionReader(config, section, context.Bag);
            var factory = r.Text(FactoryKey, null, envNames);
            if (factory is null)
            {
                if (r.Raw(FactoryKey) is null)
                {
                    r.Error(null, FactoryKey, $"section [{Echo.Text(section.Name)}] does not specify a {FactoryKey}");
                }
                continue;
            }
            if (!EntryPoint().IsMatch(PyText.Strip(factory)))
            {
                // Supervisor parses the factory as a pkg_resources entry point and exits on this text at start.
                r.Error(
                    r.Raw(FactoryKey),
                    FactoryKey,
                    $"(\"EntryPoint must be in 'name=module:attrs [extras]' format\", {Echo.Repr("x=" + factory)})"
                );
                continue;
            }
            if (PyText.Strip(factory) != MainFactory)
            {
                r.Warning(
                    FactoryKey,
                    $"{Echo.Text(factory)} is a Python plugin, which Supervise cannot load; the interface is ignored"
                );
            }
            interfaces.Add(
                new RpcInterfaceConfig(section.Name[(section.Name.IndexOf(':') + 1)..], PyText.Strip(factory))
            );
        }
        return interfaces.ToValueList();
    }

    /// <summary>pkg_resources.EntryPoint's pattern for "module[:attrs] [extras]" (Python's \w is Unicode, as .NET's).</summary>
    [GeneratedRegex(@"^[\w.]+\s*(:\s*[\w.]+\s*)?(\[.*\]\s*)?$")]
    private static partial Regex EntryPoint();
}
