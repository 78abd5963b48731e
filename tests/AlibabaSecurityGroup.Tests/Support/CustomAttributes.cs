using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace AlibabaSecurityGroup.Tests.Support
{
    /// <summary>
    /// Reads attributes from metadata. The PowerShellStandard stub's attribute objects carry no values at run
    /// time, so contract tests read the arguments the compiler stored instead.
    /// </summary>
    public static class CustomAttributes
    {
        public static IEnumerable<CustomAttributeData> Named(MemberInfo member, string attributeName) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.Name == attributeName);

        public static T Arg<T>(CustomAttributeData attribute, string name, T fallback = default(T))
        {
            foreach (var named in attribute.NamedArguments)
                if (named.MemberName == name) return (T)Convert(named.TypedValue.Value, typeof(T));
            return fallback;
        }

        public static object[] CtorArgs(CustomAttributeData attribute) =>
            attribute.ConstructorArguments.Select(a => a.Value is IReadOnlyCollection<CustomAttributeTypedArgument> list
                ? (object)list.Select(x => x.Value).ToArray()
                : a.Value).ToArray();

        private static object Convert(object value, Type type)
        {
            if (type.IsEnum) return Enum.ToObject(type, value);
            if (type == typeof(string[]) && value is IReadOnlyCollection<CustomAttributeTypedArgument> list)
                return list.Select(x => (string)x.Value).ToArray();
            return value;
        }
    }
}
