namespace Supervise.Supervisord.Wire;

/// <summary>
/// The 41 names of Supervisor 4.2.5's system.listMethods, sorted, with what system.methodSignature and
/// system.methodHelp answer for each (generated from 4.2.5's own SystemNamespaceRPCInterface: signatures are
/// [return, params...] from the docstrings, help is the docstring).
/// </summary>
public static class RpcMethodTable
{
    public static readonly IReadOnlyList<RpcMethodInfo> All =
    [
        new(
            "supervisor.addProcessGroup",
            ["boolean", "string"],
            " Update the config for a running process from config file.\n\n        @param string name         name of process group to add\n        @return boolean result     true if successful\n        "
        ),
        new(
            "supervisor.clearAllProcessLogs",
            ["array"],
            " Clear all process log files\n\n        @return array result   An array of process status info structs\n        "
        ),
        new(
            "supervisor.clearLog",
            ["boolean"],
            " Clear the main log.\n\n        @return boolean result always returns True unless error\n        "
        ),
        new(
            "supervisor.clearProcessLog",
            ["boolean", "string"],
            " Clear the stdout and stderr logs for the named process and\n        reopen them.\n\n        @param string name   The name of the process (or 'group:name')\n        @return boolean result      Always True unless error\n        "
        ),
        new(
            "supervisor.clearProcessLogs",
            ["boolean", "string"],
            " Clear the stdout and stderr logs for the named process and\n        reopen them.\n\n        @param string name   The name of the process (or 'group:name')\n        @return boolean result      Always True unless error\n        "
        ),
        new(
            "supervisor.getAPIVersion",
            ["string"],
            " Return the version of the RPC API used by supervisord\n\n        @return string version id\n        "
        ),
        new(
            "supervisor.getAllConfigInfo",
            ["array"],
            " Get info about all available process configurations. Each struct\n        represents a single process (i.e. groups get flattened).\n\n        @return array result  An array of process config info structs\n        "
        ),
        new(
            "supervisor.getAllProcessInfo",
            ["array"],
            " Get info about all processes\n\n        @return array result  An array of process status results\n        "
        ),
        new(
            "supervisor.getIdentification",
            ["string"],
            " Return identifying string of supervisord\n\n        @return string identifier identifying string\n        "
        ),
        new("supervisor.getPID", ["int"], " Return the PID of supervisord\n\n        @return int PID\n        "),
        new(
            "supervisor.getProcessInfo",
            ["struct", "string"],
            " Get info about a process named name\n\n        @param string name The name of the process (or 'group:name')\n        @return struct result     A structure containing data about the process\n        "
        ),
        new(
            "supervisor.getState",
            ["struct"],
            " Return current state of supervisord as a struct\n\n        @return struct A struct with keys int statecode, string statename\n        "
        ),
        new(
            "supervisor.getSupervisorVersion",
            ["string"],
            " Return the version of the supervisor package in use by supervisord\n\n        @return string version id\n        "
        ),
        new(
            "supervisor.getVersion",
            ["string"],
            " Return the version of the RPC API used by supervisord\n\n        @return string version id\n        "
        ),
        new(
            "supervisor.readLog",
            ["string", "int", "int"],
            " Read length bytes from the main log starting at offset\n\n        @param int offset         offset to start reading from.\n        @param int length         number of bytes to read from the log.\n        @return string result     Bytes of log\n        "
        ),
        new(
            "supervisor.readMainLog",
            ["string", "int", "int"],
            " Read length bytes from the main log starting at offset\n\n        @param int offset         offset to start reading from.\n        @param int length         number of bytes to read from the log.\n        @return string result     Bytes of log\n        "
        ),
        new(
            "supervisor.readProcessLog",
            ["string", "string", "int", "int"],
            " Read length bytes from name's stdout log starting at offset\n\n        @param string name        the name of the process (or 'group:name')\n        @param int offset         offset to start reading from.\n        @param int length         number of bytes to read from the log.\n        @return string result     Bytes of log\n        "
        ),
        new(
            "supervisor.readProcessStderrLog",
            ["string", "string", "int", "int"],
            " Read length bytes from name's stderr log starting at offset\n\n        @param string name        the name of the process (or 'group:name')\n        @param int offset         offset to start reading from.\n        @param int length         number of bytes to read from the log.\n        @return string result     Bytes of log\n        "
        ),
        new(
            "supervisor.readProcessStdoutLog",
            ["string", "string", "int", "int"],
            " Read length bytes from name's stdout log starting at offset\n\n        @param string name        the name of the process (or 'group:name')\n        @param int offset         offset to start reading from.\n        @param int length         number of bytes to read from the log.\n        @return string result     Bytes of log\n        "
        ),
        new(
            "supervisor.reloadConfig",
            ["array"],
            "\n        Reload the configuration.\n\n        The result contains three arrays containing names of process\n        groups:\n\n        * `added` gives the process groups that have been added\n        * `changed` gives the process groups whose contents have\n          changed\n        * `removed` gives the process groups that are no longer\n          in the configuration\n\n        @return array result  [[added, changed, removed]]\n\n        "
        ),
        new(
            "supervisor.removeProcessGroup",
            ["boolean", "string"],
            " Remove a stopped process from the active configuration.\n\n        @param string name         name of process group to remove\n        @return boolean result     Indicates whether the removal was successful\n        "
        ),
        new(
            "supervisor.restart",
            ["boolean"],
            " Restart the supervisor process\n\n        @return boolean result  always return True unless error\n        "
        ),
        new(
            "supervisor.sendProcessStdin",
            ["boolean", "string", "string"],
            " Send a string of chars to the stdin of the process name.\n        If non-7-bit data is sent (unicode), it is encoded to utf-8\n        before being sent to the process' stdin.  If chars is not a\n        string or is not unicode, raise INCORRECT_PARAMETERS.  If the\n        process is not running, raise NOT_RUNNING.  If the process'\n        stdin cannot accept input (e.g. it was closed by the child\n        process), raise NO_FILE.\n\n        @param string name        The process name to send to (or 'group:name')\n        @param string chars       The character data to send to the process\n        @return boolean result    Always return True unless error\n        "
        ),
        new(
            "supervisor.sendRemoteCommEvent",
            ["boolean", "string", "string"],
            " Send an event that will be received by event listener\n        subprocesses subscribing to the RemoteCommunicationEvent.\n\n        @param  string  type  String for the \"type\" key in the event header\n        @param  string  data  Data for the event body\n        @return boolean       Always return True unless error\n        "
        ),
        new(
            "supervisor.shutdown",
            ["boolean"],
            " Shut down the supervisor process\n\n        @return boolean result always returns True unless error\n        "
        ),
        new(
            "supervisor.signalAllProcesses",
            ["array", "string"],
            " Send a signal to all processes in the process list\n\n        @param string signal  Signal to send, as name ('HUP') or number ('1')\n        @return array         An array of process status info structs\n        "
        ),
        new(
            "supervisor.signalProcess",
            ["boolean", "string", "string"],
            " Send an arbitrary UNIX signal to the process named by name\n\n        @param string name    Name of the process to signal (or 'group:name')\n        @param string signal  Signal to send, as name ('HUP') or number ('1')\n        @return boolean\n        "
        ),
        new(
            "supervisor.signalProcessGroup",
            ["array", "string", "string"],
            " Send a signal to all processes in the group named 'name'\n\n        @param string name    The group name\n        @param string signal  Signal to send, as name ('HUP') or number ('1')\n        @return array\n        "
        ),
        new(
            "supervisor.startAllProcesses",
            ["array", "boolean"],
            " Start all processes listed in the configuration file\n\n        @param boolean wait    Wait for each process to be fully started\n        @return array result   An array of process status info structs\n        "
        ),
        new(
            "supervisor.startProcess",
            ["boolean", "string", "boolean"],
            " Start a process\n\n        @param string name Process name (or ``group:name``, or ``group:*``)\n        @param boolean wait Wait for process to be fully started\n        @return boolean result     Always true unless error\n\n        "
        ),
        new(
            "supervisor.startProcessGroup",
            ["array", "string", "boolean"],
            " Start all processes in the group named 'name'\n\n        @param string name     The group name\n        @param boolean wait    Wait for each process to be fully started\n        @return array result   An array of process status info structs\n        "
        ),
        new(
            "supervisor.stopAllProcesses",
            ["array", "boolean"],
            " Stop all processes in the process list\n\n        @param  boolean wait   Wait for each process to be fully stopped\n        @return array result   An array of process status info structs\n        "
        ),
        new(
            "supervisor.stopProcess",
            ["boolean", "string", "boolean"],
            " Stop a process named by name\n\n        @param string name  The name of the process to stop (or 'group:name')\n        @param boolean wait        Wait for the process to be fully stopped\n        @return boolean result     Always return True unless error\n        "
        ),
        new(
            "supervisor.stopProcessGroup",
            ["array", "string", "boolean"],
            " Stop all processes in the process group named 'name'\n\n        @param string name     The group name\n        @param boolean wait    Wait for each process to be fully stopped\n        @return array result   An array of process status info structs\n        "
        ),
        new(
            "supervisor.tailProcessLog",
            ["array", "string", "int", "int"],
            "\n        Provides a more efficient way to tail the (stdout) log than\n        readProcessStdoutLog().  Use readProcessStdoutLog() to read\n        chunks and tailProcessStdoutLog() to tail.\n\n        Requests (length) bytes from the (name)'s log, starting at\n        (offset).  If the total log size is greater than (offset +\n        length), the overflow flag is set and the (offset) is\n        automatically increased to position the buffer at the end of\n        the log.  If less than (length) bytes are available, the\n        maximum number of available bytes will be returned.  (offset)\n        returned is always the last offset in the log +1.\n\n        @param string name         the name of the process (or 'group:name')\n        @param int offset          offset to start reading from\n        @param int length          maximum number of bytes to return\n        @return array result       [string bytes, int offset, bool overflow]\n        "
        ),
        new(
            "supervisor.tailProcessStderrLog",
            ["array", "string", "int", "int"],
            "\n        Provides a more efficient way to tail the (stderr) log than\n        readProcessStderrLog().  Use readProcessStderrLog() to read\n        chunks and tailProcessStderrLog() to tail.\n\n        Requests (length) bytes from the (name)'s log, starting at\n        (offset).  If the total log size is greater than (offset +\n        length), the overflow flag is set and the (offset) is\n        automatically increased to position the buffer at the end of\n        the log.  If less than (length) bytes are available, the\n        maximum number of available bytes will be returned.  (offset)\n        returned is always the last offset in the log +1.\n\n        @param string name         the name of the process (or 'group:name')\n        @param int offset          offset to start reading from\n        @param int length          maximum number of bytes to return\n        @return array result       [string bytes, int offset, bool overflow]\n        "
        ),
        new(
            "supervisor.tailProcessStdoutLog",
            ["array", "string", "int", "int"],
            "\n        Provides a more efficient way to tail the (stdout) log than\n        readProcessStdoutLog().  Use readProcessStdoutLog() to read\n        chunks and tailProcessStdoutLog() to tail.\n\n        Requests (length) bytes from the (name)'s log, starting at\n        (offset).  If the total log size is greater than (offset +\n        length), the overflow flag is set and the (offset) is\n        automatically increased to position the buffer at the end of\n        the log.  If less than (length) bytes are available, the\n        maximum number of available bytes will be returned.  (offset)\n        returned is always the last offset in the log +1.\n\n        @param string name         the name of the process (or 'group:name')\n        @param int offset          offset to start reading from\n        @param int length          maximum number of bytes to return\n        @return array result       [string bytes, int offset, bool overflow]\n        "
        ),
        new(
            "system.listMethods",
            ["array"],
            " Return an array listing the available method names\n\n        @return array result  An array of method names available (strings).\n        "
        ),
        new(
            "system.methodHelp",
            ["string", "string"],
            " Return a string showing the method's documentation\n\n        @param string name   The name of the method.\n        @return string result The documentation for the method name.\n        "
        ),
        new(
            "system.methodSignature",
            ["array", "string"],
            " Return an array describing the method signature in the\n        form [rtype, ptype, ptype...] where rtype is the return data type\n        of the method, and ptypes are the parameter data types that the\n        method accepts in method argument order.\n\n        @param string name  The name of the method.\n        @return array result  The result.\n        "
        ),
        new(
            "system.multicall",
            ["array", "array"],
            "Process an array of calls, and return an array of\n        results. Calls should be structs of the form {'methodName':\n        string, 'params': array}. Each result will either be a\n        single-item array containing the result value, or a struct of\n        the form {'faultCode': int, 'faultString': string}. This is\n        useful when you need to make lots of small calls without lots\n        of round trips.\n\n        @param array calls  An array of call requests\n        @return array result  An array of results\n        "
        ),
    ];
}

/// <summary>One XML-RPC method's introspection data.</summary>
public sealed record RpcMethodInfo(string Name, IReadOnlyList<string> Signature, string Help);
