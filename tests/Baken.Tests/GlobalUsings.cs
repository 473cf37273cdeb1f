global using Baken.Infrastructure.Data;
global using Baken.Tests.Infrastructure;
