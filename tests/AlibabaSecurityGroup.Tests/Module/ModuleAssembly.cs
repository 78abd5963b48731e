using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace AlibabaSecurityGroup.Tests.Module
{
    /// <summary>The module assembly and the cmdlet classes in it, as PowerShell would discover them.</summary>
    public static class ModuleAssembly
    {
        public static Assembly Assembly => typeof(AlibabaSecurityGroup.Engine.RemovalEngine).Assembly;

        /// <summary>Public, concrete classes carrying [Cmdlet], keyed by "Verb-Noun".</summary>
        public static IReadOnlyDictionary<string, Type> Cmdlets =>
            Assembly.GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract)
                .Select(t => (Type: t, Attr: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "CmdletAttribute")))
                .Where(x => x.Attr != null)
                .ToDictionary(x => x.Attr.ConstructorArguments[0].Value + "-" + x.Attr.ConstructorArguments[1].Value, x => x.Type);
    }
}
