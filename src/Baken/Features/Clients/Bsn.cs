namespace Baken.Features.Clients;

/// <summary>The Dutch citizen service number's eleven-test (elfproef); an all-zero number is rejected.</summary>
public static class Bsn
{
    public static bool IsValid(string? value)
    {
        var digits = (value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray();
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || digits.All(d => d == '0'))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }
}
