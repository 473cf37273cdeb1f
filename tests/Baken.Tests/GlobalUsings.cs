global using Baken.Infrastructure.Data;
global using Baken.Testing;
global using Baken.Tests.Infrastructure;
