using System;
using System.Runtime.InteropServices;
using System.Security;

namespace AlibabaSecurityGroup.Cmdlets.Common
{
    /// <summary>Reads a SecureString only at the moment the core needs the plain value, and zeroes the copy.</summary>
    internal static class SecureStrings
    {
        public static string ToPlain(SecureString value)
        {
            if (value == null) return null;
            IntPtr buffer = IntPtr.Zero;
            try
            {
                buffer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(buffer);
            }
            finally
            {
                if (buffer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(buffer);
            }
        }
    }
}
