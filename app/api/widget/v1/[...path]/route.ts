// ANY /api/widget/v1/* — unknown widget API paths answer a JSON 404, like every other error.
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/widget/errors";

const notFound = async () => errorResponse(new AppError("not_found", "No such endpoint. See /api/widget/v1/openapi.json."));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
