namespace Supervise.Integration.Tests.Clients;

/// <summary>The real clients of Supervisor's wire that the specs in this folder run.</summary>
public enum Client
{
    NodeExporter,
    Ansible,
    NpmSupervisord,
    Superlance,
    Childutils,
    PythonCtl,
}
