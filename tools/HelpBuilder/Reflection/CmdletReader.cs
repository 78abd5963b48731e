using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace HelpBuilder.Reflection
{
    /// <summary>
    /// Reads cmdlet classes through CustomAttributeData: the PowerShellStandard stub's attribute objects carry no
    /// values, but the arguments the compiler stored are real. Default values come from a fresh instance of the
    /// cmdlet (property initialisers run; the stub's base constructors do nothing).
    /// </summary>
    public static class CmdletReader
    {
        private const string Sma = "System.Management.Automation.";

        public static List<CmdletShape> Read(Assembly assembly, List<Problem> problems)
        {
            var cmdlets = new List<CmdletShape>();
            foreach (var type in assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var cmdlet = Attribute(type, "CmdletAttribute");
                if (cmdlet == null) continue;
                cmdlets.Add(ReadCmdlet(type, cmdlet, problems));
            }
            return cmdlets;
        }

        private static CmdletShape ReadCmdlet(Type type, CustomAttributeData cmdlet, List<Problem> problems)
        {
            var shape = new CmdletShape
            {
                Type = type,
                Verb = (string)cmdlet.ConstructorArguments[0].Value,
                Noun = (string)cmdlet.ConstructorArguments[1].Value,
                DefaultParameterSet = Named<string>(cmdlet, "DefaultParameterSetName"),
                SupportsShouldProcess = Named<bool>(cmdlet, "SupportsShouldProcess"),
            };

            foreach (var output in Attributes(type, "OutputTypeAttribute"))
                foreach (var value in Values(output.ConstructorArguments[0]))
                    shape.OutputTypes.Add(value is Type t ? t.FullName : Convert.ToString(value, CultureInfo.InvariantCulture));

            object instance = null;
            try { instance = Activator.CreateInstance(type); }
            catch (Exception e)
            {
                problems.Add(Problem.Warning("HELP201", null, 0, shape.Name + ": cannot instantiate " + type.FullName +
                    " to read default values (" + e.GetBaseException().Message + "); they are shown as None."));
            }

            int order = 0;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var parameterAttributes = Attributes(property, "ParameterAttribute").ToList();
                if (parameterAttributes.Count == 0) continue;
                shape.Parameters.Add(ReadParameter(property, parameterAttributes, instance, order++));
            }

            if (shape.SupportsShouldProcess)
            {
                shape.ShouldProcessParameters.Add(CommonSwitch("WhatIf", "wi", order++));
                shape.ShouldProcessParameters.Add(CommonSwitch("Confirm", "cf", order++));
            }

            var sets = shape.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName)
                .Where(s => s != ParameterShape.AllSets).Distinct().ToList();
            if (sets.Count == 0) sets.Add(shape.DefaultParameterSet ?? ParameterShape.AllSets);
            if (shape.DefaultParameterSet != null && sets.Remove(shape.DefaultParameterSet)) sets.Insert(0, shape.DefaultParameterSet);
            shape.ParameterSets.AddRange(sets);
            return shape;
        }

        private static ParameterShape ReadParameter(PropertyInfo property, List<CustomAttributeData> parameterAttributes, object instance, int order)
        {
            var parameter = new ParameterShape { Name = property.Name, Type = property.PropertyType, Order = order };
            foreach (var attribute in parameterAttributes)
            {
                int position = Named(attribute, "Position", int.MinValue);
                parameter.Sets.Add(new SetMembership
                {
                    SetName = Named<string>(attribute, "ParameterSetName") ?? ParameterShape.AllSets,
                    Mandatory = Named<bool>(attribute, "Mandatory"),
                    Position = position == int.MinValue ? (int?)null : position,
                    ByValue = Named<bool>(attribute, "ValueFromPipeline"),
                    ByPropertyName = Named<bool>(attribute, "ValueFromPipelineByPropertyName"),
                });
                parameter.DontShow |= Named<bool>(attribute, "DontShow");
            }

            foreach (var alias in Attributes(property, "AliasAttribute"))
                parameter.Aliases.AddRange(alias.ConstructorArguments.SelectMany(Values).Select(v => (string)v));
            parameter.Globbing = Attribute(property, "SupportsWildcardsAttribute") != null;

            var range = Attribute(property, "ValidateRangeAttribute");
            if (range != null && range.ConstructorArguments.Count == 2)
                parameter.Constraints.Add("Valid range: " + Text(range.ConstructorArguments[0].Value) + " to " + Text(range.ConstructorArguments[1].Value) + ".");
            var count = Attribute(property, "ValidateCountAttribute");
            if (count != null)
                parameter.Constraints.Add("Takes " + Text(count.ConstructorArguments[0].Value) + " to " + Text(count.ConstructorArguments[1].Value) + " values.");
            var length = Attribute(property, "ValidateLengthAttribute");
            if (length != null)
                parameter.Constraints.Add("Length: " + Text(length.ConstructorArguments[0].Value) + " to " + Text(length.ConstructorArguments[1].Value) + " characters.");
            var set = Attribute(property, "ValidateSetAttribute");
            if (set != null)
            {
                parameter.ValidValues.AddRange(set.ConstructorArguments.SelectMany(Values).Select(Text));
                parameter.Constraints.Add("Accepted values: " + string.Join(", ", parameter.ValidValues) + ".");
            }

            parameter.DefaultValue = DefaultValue(property, instance);
            return parameter;
        }

        private static ParameterShape CommonSwitch(string name, string alias, int order)
        {
            var parameter = new ParameterShape
            {
                Name = name,
                Type = typeof(System.Management.Automation.SwitchParameter),
                Order = order,
                DefaultValue = "False",
            };
            parameter.Aliases.Add(alias);
            parameter.Sets.Add(new SetMembership());
            return parameter;
        }

        private static string DefaultValue(PropertyInfo property, object instance)
        {
            if (property.PropertyType.FullName == Sma + "SwitchParameter") return "False";
            if (instance == null || property.GetMethod == null) return "None";
            object value;
            try { value = property.GetValue(instance); }
            catch (Exception) { return "None"; }
            if (value == null) return "None";
            if (value is Array array) return array.Length == 0 ? "None" : string.Join(", ", array.Cast<object>().Select(Text));
            return Text(value);
        }

        private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture);

        private static IEnumerable<object> Values(CustomAttributeTypedArgument argument) =>
            argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> list
                ? list.Select(x => x.Value)
                : new[] { argument.Value };

        private static CustomAttributeData Attribute(MemberInfo member, string name) => Attributes(member, name).FirstOrDefault();

        private static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + name);

        private static T Named<T>(CustomAttributeData attribute, string name, T fallback = default(T))
        {
            foreach (var argument in attribute.NamedArguments)
                if (argument.MemberName == name) return (T)argument.TypedValue.Value;
            return fallback;
        }
    }
}
