using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Children;

/// <summary>
/// ONS 2021 census ethnic groups (England and Wales), plus "not recorded" and "refused".
/// NotRecorded is a data-quality gap that reports count; it is never offered as a default.
/// Numbers are stable because they are stored.
/// </summary>
public enum Ethnicity
{
    [Display(Name = "Not recorded", GroupName = "Not known")] NotRecorded = 0,
    [Display(Name = "Refused", GroupName = "Not known")] Refused = 1,

    [Display(Name = "Bangladeshi", GroupName = "Asian, Asian British or Asian Welsh")] Bangladeshi = 10,
    [Display(Name = "Chinese", GroupName = "Asian, Asian British or Asian Welsh")] Chinese = 11,
    [Display(Name = "Indian", GroupName = "Asian, Asian British or Asian Welsh")] Indian = 12,
    [Display(Name = "Pakistani", GroupName = "Asian, Asian British or Asian Welsh")] Pakistani = 13,
    [Display(Name = "Any other Asian background", GroupName = "Asian, Asian British or Asian Welsh")] OtherAsian = 14,

    [Display(Name = "African", GroupName = "Black, Black British, Black Welsh, Caribbean or African")] African = 20,
    [Display(Name = "Caribbean", GroupName = "Black, Black British, Black Welsh, Caribbean or African")] Caribbean = 21,
    [Display(Name = "Any other Black, Black British or Caribbean background", GroupName = "Black, Black British, Black Welsh, Caribbean or African")] OtherBlack = 22,

    [Display(Name = "White and Asian", GroupName = "Mixed or multiple ethnic groups")] WhiteAndAsian = 30,
    [Display(Name = "White and Black African", GroupName = "Mixed or multiple ethnic groups")] WhiteAndBlackAfrican = 31,
    [Display(Name = "White and Black Caribbean", GroupName = "Mixed or multiple ethnic groups")] WhiteAndBlackCaribbean = 32,
    [Display(Name = "Any other mixed or multiple ethnic background", GroupName = "Mixed or multiple ethnic groups")] OtherMixed = 33,

    [Display(Name = "English, Welsh, Scottish, Northern Irish or British", GroupName = "White")] WhiteBritish = 40,
    [Display(Name = "Irish", GroupName = "White")] WhiteIrish = 41,
    [Display(Name = "Gypsy or Irish Traveller", GroupName = "White")] GypsyOrIrishTraveller = 42,
    [Display(Name = "Roma", GroupName = "White")] Roma = 43,
    [Display(Name = "Any other White background", GroupName = "White")] OtherWhite = 44,

    [Display(Name = "Arab", GroupName = "Other ethnic group")] Arab = 50,
    [Display(Name = "Any other ethnic group", GroupName = "Other ethnic group")] OtherEthnicGroup = 51,
}

public enum Gender
{
    [Display(Name = "Not recorded")] NotRecorded = 0,
    [Display(Name = "Girl")] Female = 1,
    [Display(Name = "Boy")] Male = 2,
    [Display(Name = "Non-binary or another gender")] Other = 3,
}
