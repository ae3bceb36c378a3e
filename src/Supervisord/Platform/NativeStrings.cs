using System.Runtime.InteropServices;
using System.Text;

namespace Supervise.Supervisord.Platform;

/// <summary>NUL-terminated UTF-8 strings and string arrays in unmanaged memory, freed together on dispose.</summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly List<nint> _blocks = [];

    public byte* String(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var block = (byte*)NativeMemory.Alloc((nuint)byteCount + 1);
        fixed (char* chars = value)
        {
            Encoding.UTF8.GetBytes(chars, value.Length, block, byteCount);
        }
        block[byteCount] = 0;
        _blocks.Add((nint)block);
        return block;
    }

    /// <summary>A NULL-terminated array of strings, as argv and envp.</summary>
    public byte** Array(IReadOnlyList<string> values)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        _blocks.Add((nint)array);
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = String(values[i]);
        }
        array[values.Count] = null;
        return array;
    }

    public void Dispose()
    {
        foreach (var block in _blocks)
        {
            NativeMemory.Free((void*)block);
        }
        _blocks.Clear();
    }
}
