using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace ShopSync.Grpc.Reflection;

/// <summary>
/// Answers one reflection request (v1 messages). v1alpha has the same messages under another package, so its service
/// transcodes through the wire format and shares these answers.
/// </summary>
internal sealed class ReflectionAnswers(ReflectionCatalog catalog)
{
    public ServerReflectionResponse Answer(ServerReflectionRequest request, ISet<string> sentFiles)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                foreach (var name in catalog.ServiceNames())
                {
                    response.ListServicesResponse.Service.Add(new ServiceResponse { Name = name });
                }
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, catalog.FindFile(request.FileByFilename), sentFiles, $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, catalog.FindFileContainingSymbol(request.FileContainingSymbol), sentFiles, $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                SetFile(response, catalog.FindExtension(extension.ContainingType, extension.ExtensionNumber)?.File, sentFiles,
                    $"Extension {extension.ExtensionNumber} of '{extension.ContainingType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (catalog.IsKnownMessage(request.AllExtensionNumbersOfType))
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType.TrimStart('.') };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                }
                break;
            default:
                SetError(response, StatusCode.Unimplemented, $"Request '{request.MessageRequestCase}' is not supported.");
                break;
        }
        return response;
    }

    private void SetFile(ServerReflectionResponse response, FileDescriptor? file, ISet<string> sentFiles, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }
        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.AddRange(catalog.SerializeWithDependencies(file, sentFiles));
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
