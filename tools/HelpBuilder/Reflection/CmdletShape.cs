using System;
using System.Collections.Generic;

namespace HelpBuilder.Reflection
{
    /// <summary>A cmdlet as PowerShell would see it, read from the compiled assembly (never from the docs).</summary>
    public sealed class CmdletShape
    {
        public string Name => Verb + "-" + Noun;
        public string Verb { get; set; }
        public string Noun { get; set; }
        public Type Type { get; set; }
        public string DefaultParameterSet { get; set; }
        public bool SupportsShouldProcess { get; set; }
        public List<string> OutputTypes { get; } = new List<string>();
        /// <summary>Declared parameters, in declaration order (the cmdlet's own first, then inherited ones).</summary>
        public List<ParameterShape> Parameters { get; } = new List<ParameterShape>();
        /// <summary>-WhatIf and -Confirm when the cmdlet supports ShouldProcess; PowerShell adds them.</summary>
        public List<ParameterShape> ShouldProcessParameters { get; } = new List<ParameterShape>();

        /// <summary>The parameter set names, default first; "__AllParameterSets" alone when the cmdlet declares none.</summary>
        public List<string> ParameterSets { get; } = new List<string>();
    }

    public sealed class ParameterShape
    {
        public const string AllSets = "__AllParameterSets";

        public string Name { get; set; }
        public Type Type { get; set; }
        public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";
        public List<string> Aliases { get; } = new List<string>();
        public bool DontShow { get; set; }
        public bool Globbing { get; set; }
        public string DefaultValue { get; set; } = "None";
        /// <summary>Facts from Validate* attributes, phrased for the help ("Valid range: 1 to 64.").</summary>
        public List<string> Constraints { get; } = new List<string>();
        public List<string> ValidValues { get; } = new List<string>();
        /// <summary>One entry per [Parameter] attribute, i.e. per parameter set it belongs to.</summary>
        public List<SetMembership> Sets { get; } = new List<SetMembership>();
        /// <summary>Order of declaration, to keep the syntax stable.</summary>
        public int Order { get; set; }

        public bool InSet(string set) => Sets.Exists(s => s.SetName == AllSets || s.SetName == set);

        public SetMembership For(string set) =>
            Sets.Find(s => s.SetName == set) ?? Sets.Find(s => s.SetName == AllSets);
    }

    public sealed class SetMembership
    {
        public string SetName { get; set; } = ParameterShape.AllSets;
        public bool Mandatory { get; set; }
        /// <summary>Null when named.</summary>
        public int? Position { get; set; }
        public bool ByValue { get; set; }
        public bool ByPropertyName { get; set; }
    }
}
