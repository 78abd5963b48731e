using System.Globalization;

namespace AlibabaSecurityGroup.Tests.Support
{
    /// <summary>Well-formed ids for test states: prefix + lower-case letters and digits.</summary>
    public static class Ids
    {
        public static string Instance(int n) => "i-bp1" + n.ToString("D8", CultureInfo.InvariantCulture);
        public static string Eni(int n) => "eni-bp1" + n.ToString("D8", CultureInfo.InvariantCulture);
        public static string Group(int n) => "sg-bp1" + n.ToString("D8", CultureInfo.InvariantCulture);
        public static string LoadBalancer(int n) => "alb-bp1" + n.ToString("D8", CultureInfo.InvariantCulture);
        public static string Endpoint(int n) => "ep-bp1" + n.ToString("D8", CultureInfo.InvariantCulture);
    }
}
