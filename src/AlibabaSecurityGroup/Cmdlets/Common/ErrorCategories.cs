using System;
using System.Management.Automation;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Cmdlets.Common
{
    internal static class ErrorCategories
    {
        /// <summary>The engine's categories carry PowerShell's names (a contract test checks), so map by name.</summary>
        public static ErrorCategory ToPowerShell(EngineErrorCategory category) =>
            (ErrorCategory)Enum.Parse(typeof(ErrorCategory), category.ToString());
    }
}
