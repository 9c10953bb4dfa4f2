using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>E-mail through the SMTP server of <c>TrainingEval:Email</c> with MailKit: plain text and HTML alternatives, attachments.</summary>
public sealed class EmailTransport(IOptions<EmailOptions> options) : IMessageTransport
{
    public bool Handles(DeliveryChannel channel) => channel == DeliveryChannel.Email;

    public static MimeMessage Build(EmailOptions settings, OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(message);
        if (!MailboxAddress.TryParse(message.Recipient, out var to) || !message.Recipient.Contains('@', StringComparison.Ordinal))
            throw new PermanentDeliveryException($"\"{message.Recipient}\" is not an e-mail address.");
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(settings.SenderName, settings.Sender));
        mail.To.Add(to);
        mail.Subject = message.Subject;
        mail.MessageId = $"{message.MessageId}@{settings.Sender.Split('@')[^1]}";
        mail.Headers.Add("Content-Language", message.Culture);
        if (message.UnsubscribeLink is { } unsubscribe)
        {
            // RFC 8058: mail programs offer "unsubscribe" and post to the link without opening a page.
            mail.Headers.Add("List-Unsubscribe", $"<{UnsubscribeEndpoints.OneClick(unsubscribe)}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var a in message.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mail.Body = body.ToMessageBody();
        // Base64 text parts pass any relay unchanged (8-bit Chinese text is re-encoded by some).
        foreach (var part in mail.BodyParts.OfType<TextPart>())
            part.ContentTransferEncoding = ContentEncoding.Base64;
        return mail;
    }

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            throw new InvalidOperationException("E-mail is not configured (TrainingEval:Email:Host is empty); the message waits.");
        using var mail = Build(settings, message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host, settings.Port, security, timeout.Token);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password, timeout.Token);
        try
        {
            await client.SendAsync(mail, timeout.Token);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            throw new PermanentDeliveryException($"The mail server refused the recipient {message.Recipient}: {ex.Message}");
        }
        await client.DisconnectAsync(true, timeout.Token);
    }
}
