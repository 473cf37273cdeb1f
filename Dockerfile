# syntax=docker/dockerfile:1
#
# Baken container image: built with the .NET 10 SDK, run on the ASP.NET Core runtime image as the
# non-root user `app` that image provides.
#
#   docker build -t baken .
#   docker run --rm -v baken-data:/data baken migrate     # apply migrations only, then exit
#
# No HEALTHCHECK: the runtime image has no curl or wget, and adding them only for that would grow the
# attack surface. Orchestrators should probe over HTTP on port 8080 instead:
#   GET /health/live   the process answers (no dependencies checked)
#   GET /health/ready  the database is reachable and every migration is applied

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore from the build and project files alone, so the package layer survives source edits.
COPY global.json Directory.*.props ./
COPY src/Baken/Baken.csproj src/Baken/
RUN dotnet restore src/Baken/Baken.csproj

# .editorconfig takes part in the build: code style is enforced and warnings are errors.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Baken/Baken.csproj --configuration Release --no-restore --output /app -p:UseAppHost=false


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final

# The data directory (key files; the SQLite file when that provider is used) belongs to the app user
# and nobody else. Created before VOLUME, so a fresh named volume inherits this owner and mode.
RUN mkdir /data && chown "$APP_UID" /data && chmod 700 /data

WORKDIR /app
# Application files stay owned by root: the process can read them but not change them.
COPY --from=build /app ./

# ASPNETCORE_URLS must be set: without it Baken binds to 127.0.0.1:5080, unreachable from outside the
# container. Plain HTTP on purpose; TLS ends at the reverse proxy in front (see compose.yaml).
ENV ASPNETCORE_URLS=http://+:8080 \
    Baken__DataDirectory=/data

USER $APP_UID
VOLUME /data
EXPOSE 8080

ENTRYPOINT ["dotnet", "Baken.dll"]
