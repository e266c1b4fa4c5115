namespace WarningHub.Core.Registry;

/// <summary>
/// Invented Chinese names: a common surname and a common given name. Each combination is built once and shared,
/// so a million persons hold a few thousand name strings.
/// </summary>
internal sealed class SyntheticNames
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
        "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "钟", "谭", "廖", "熊", "雷", "税", "龚", "文", "范",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建华",
        "建国", "志强", "玉兰", "秀珍", "国强", "红梅", "德明", "子涵", "雨欣", "浩然", "宇轩", "欣怡", "梓萱", "俊杰", "佳怡", "思远",
        "晓燕", "春梅", "海燕", "文华", "德福", "永红", "建平", "小红", "丽华", "金凤", "淑华", "国华", "志勇", "兴国", "明辉", "家豪",
        "一鸣", "嘉怡", "诗涵", "宏伟", "振华", "光荣", "素芬", "长贵", "大明", "成刚", "秋菊", "世平",
    ];

    private readonly string?[] cache = new string?[Surnames.Length * GivenNames.Length];

    public static int SurnameCount => Surnames.Length;

    public static int GivenNameCount => GivenNames.Length;

    public string Get(int surname, int givenName)
    {
        var slot = (surname * GivenNames.Length) + givenName;
        return cache[slot] ??= Surnames[surname] + GivenNames[givenName];
    }
}
