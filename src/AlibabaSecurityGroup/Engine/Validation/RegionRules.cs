using AlibabaSecurityGroup.Engine.Errors;

namespace AlibabaSecurityGroup.Engine.Validation
{
    /// <summary>Region ids are lower-case words joined by hyphens (cn-hangzhou, ap-southeast-1); they become host names.</summary>
    public static class RegionRules
    {
        public static RemovalFailure Problem(string regionId)
        {
            if (regionId == null) return null; // "not given": the resolved default applies
            bool ok = regionId.Length >= 2 && regionId.Length <= 40 && regionId[0] != '-' && regionId[regionId.Length - 1] != '-';
            foreach (char c in regionId)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) ok = false;
            }
            return ok ? null : RemovalFailure.InvalidArgument("-Region '" + IdRules.Show(regionId) +
                "' is not a region id (lower-case words joined by hyphens, such as cn-hangzhou).");
        }
    }
}
