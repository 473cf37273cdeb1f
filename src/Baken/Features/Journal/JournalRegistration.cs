namespace Baken.Features.Journal;

public static class JournalRegistration
{
    public static IServiceCollection AddBakenJournal(this IServiceCollection services) => services.AddScoped<JournalRecords>();
}
