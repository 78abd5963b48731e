namespace AlibabaSecurityGroup.Core.Endpoints
{
    /// <summary>The Alibaba Cloud products the module calls, with their API versions.</summary>
    public enum Product
    {
        Ecs,
        Alb,
        PrivateLink,
        Sts,
    }

    public static class ProductInfo
    {
        public static string ApiVersion(Product product)
        {
            switch (product)
            {
                case Product.Ecs: return "2014-05-26";
                case Product.Alb: return "2020-06-16";
                case Product.PrivateLink: return "2020-04-15";
                default: return "2015-04-01"; // STS
            }
        }

        /// <summary>The product code used in endpoint host names and in ALIBABA_CLOUD_ENDPOINT_&lt;PRODUCT&gt;.</summary>
        public static string Code(Product product)
        {
            switch (product)
            {
                case Product.Ecs: return "ecs";
                case Product.Alb: return "alb";
                case Product.PrivateLink: return "privatelink";
                default: return "sts";
            }
        }
    }
}
